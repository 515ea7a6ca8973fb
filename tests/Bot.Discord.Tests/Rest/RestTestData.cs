using Bot.Discord.Models.Outbound;

namespace Bot.Discord.Tests.Rest;

internal static class RestTestData
{
    public const ulong AppId = 775799577604522054;
    public const ulong GuildId = 290926798626357999;
    public const ulong ChannelId = 645027906669510667;
    public const ulong InteractionId = 786008729715212338;

    public const string ChannelMessages = "/channels/{channel_id}/messages";
    public const string Callback = "/interactions/{interaction_id}/{interaction_token}/callback";
    public const string Followup = "/webhooks/{webhook_id}/{webhook_token}";
    public const string EditOriginal = "/webhooks/{webhook_id}/{webhook_token}/messages/@original";
    public const string GlobalCommands = "/applications/{application_id}/commands";
    public const string GuildCommands = "/applications/{application_id}/guilds/{guild_id}/commands";
    public const string UsersMe = "/users/@me";

    public static MessagePayload Hello => new() { Content = "Hello, World!", AllowedMentions = AllowedMentions.None };

    /// <summary>The docs' slash command registration example ("blep").</summary>
    public static ApplicationCommand Blep => ApplicationCommand.ChatInput(
        "blep",
        "Send a random adorable animal photo",
        new ApplicationCommandOption(ApplicationCommandOptionType.String, "animal", "The type of animal")
        {
            Required = true,
            Choices =
            [
                CommandChoice.String("Dog", "animal_dog"),
                CommandChoice.String("Cat", "animal_cat"),
                CommandChoice.String("Penguin", "animal_penguin"),
            ],
        },
        new ApplicationCommandOption(ApplicationCommandOptionType.Boolean, "only_smol", "Whether to show only baby animals")
        {
            Required = false,
        });
}
