namespace Bot.DiscordAdapter.Interactions;

/// <summary>What the reader buttons say, in one place.</summary>
public static class ButtonText
{
    public const string NotYours = "These buttons belong to the person who asked. Ask for your own list with /recommend, then use the buttons under it.";

    public const string CatalogChanged = "This button was made for an older version of the catalog. Run /recommend again for fresh results.";

    public static string FeedbackPrompt(string title) => $"How was **{title}** for you? One vote per item and request; pressing another choice replaces it.";
}
