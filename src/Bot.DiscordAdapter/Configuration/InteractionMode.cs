namespace Bot.DiscordAdapter.Configuration;

/// <summary>How interactions reach this process (<c>Discord:Mode</c>).</summary>
public enum InteractionMode
{
    /// <summary>Over the gateway websocket, answered by a REST callback.</summary>
    Gateway,

    /// <summary>Posted by Discord to <c>POST /interactions</c>, answered in the HTTP response. No gateway connection.</summary>
    Http,

    /// <summary>Both at once (e.g. while moving from one to the other).</summary>
    Both,
}

public static class InteractionModes
{
    public static bool TryParse(string? text, out InteractionMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "gateway":
                mode = InteractionMode.Gateway;
                return true;
            case "http":
                mode = InteractionMode.Http;
                return true;
            case "both":
                mode = InteractionMode.Both;
                return true;
            default:
                mode = InteractionMode.Gateway;
                return false;
        }
    }

    public static bool RunsGateway(this InteractionMode mode) => mode != InteractionMode.Http;

    public static bool ServesHttpInteractions(this InteractionMode mode) => mode != InteractionMode.Gateway;
}
