using System.Text;

namespace Bot.Discord.Models.Outbound;

/// <summary>
/// Documented Discord limits for what the bot sends (MSG, WH, RR, AC). Lengths are checked in UTF-16 code units,
/// which never undercounts the characters Discord counts.
/// </summary>
public static class DiscordLimits
{
    public const int MessageContent = 2000;

    /// <summary>MSG "Create Message": <c>nonce</c>, an integer or a string of up to 25 characters.</summary>
    public const int MessageNonce = 25;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int EmbedFieldName = 256;
    public const int EmbedFieldValue = 1024;
    public const int EmbedFooterText = 2048;
    public const int EmbedAuthorName = 256;

    /// <summary>Sum of title, description, field names/values, footer text and author name of all embeds (trimmed).</summary>
    public const int EmbedTotalCharacters = 6000;

    public const int EmbedUrl = 2048;
    public const int EmbedColorMax = 0xFFFFFF;
    public const int AllowedMentionIds = 100;

    /// <summary>
    /// Reference "Uploading Files": the default per-file upload limit, 10 MiB. An interaction's
    /// <c>attachment_size_limit</c> may allow more; the bot never sends more than this.
    /// </summary>
    public const long AttachmentBytes = 10L * 1024 * 1024;

    /// <summary>At most 10 entries in a message's <c>attachments</c> (and so 10 <c>files[n]</c> parts).</summary>
    public const int AttachmentsPerMessage = 10;
    public const int AttachmentFilename = 1024;
    public const int AttachmentDescription = 1024;

    public const int ActionRowComponents = 5;
    public const int ComponentCustomId = 100;
    public const int ButtonLabel = 80;
    public const int ButtonUrl = 512;

    public const int CommandNameMax = 32;
    public const int CommandDescriptionMax = 100;
    public const int CommandOptions = 25;
    public const int CommandChoices = 25;
    public const int ChoiceNameMax = 100;
    public const int StringChoiceValueMax = 100;
    public const int OptionMinLengthMax = 6000;
    public const int OptionMaxLengthMax = 6000;

    /// <summary>Sum of name, description and choice/value characters of one command (APPLICATION_COMMAND_TOO_LARGE).</summary>
    public const int CommandTotalCharacters = 8000;

    public const int GlobalChatInputCommands = 100;
    public const int GlobalUserCommands = 15;
    public const int GlobalMessageCommands = 15;

    public const int AutocompleteChoices = 25;
    public const int ModalCustomId = 100;
    public const int ModalTitle = 45;
    public const int ModalComponentsMax = 5;

    /// <summary>Largest magnitude an INTEGER option value may have: 2^53 - 1.</summary>
    public const long MaxSafeInteger = 9007199254740991;

    /// <summary>The documented CHAT_INPUT command / option name pattern (ECMAScript, unicode flag).</summary>
    public const string CommandNamePattern = @"^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$";

    /// <summary>
    /// Implements <see cref="CommandNamePattern"/> plus the "lowercase variant of cased letters" rule.
    /// .NET regex has no script classes, so Devanagari and Thai come from the Unicode Scripts.txt ranges.
    /// </summary>
    public static bool IsValidCommandName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var count = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (++count > CommandNameMax || !IsNameRune(rune) || Rune.ToLowerInvariant(rune) != rune)
            {
                return false;
            }
        }

        return count >= 1;
    }

    private static bool IsNameRune(Rune rune)
    {
        if (rune.Value is '-' or '_' or '\'')
        {
            return true;
        }

        switch (Rune.GetUnicodeCategory(rune))
        {
            case System.Globalization.UnicodeCategory.UppercaseLetter:
            case System.Globalization.UnicodeCategory.LowercaseLetter:
            case System.Globalization.UnicodeCategory.TitlecaseLetter:
            case System.Globalization.UnicodeCategory.ModifierLetter:
            case System.Globalization.UnicodeCategory.OtherLetter:
            case System.Globalization.UnicodeCategory.DecimalDigitNumber:
            case System.Globalization.UnicodeCategory.LetterNumber:
            case System.Globalization.UnicodeCategory.OtherNumber:
                return true;
        }

        var v = rune.Value;
        return v is (>= 0x0900 and <= 0x0950) or (>= 0x0955 and <= 0x0963) or (>= 0x0966 and <= 0x097F)
            or (>= 0xA8E0 and <= 0xA8FF) or (>= 0x11B00 and <= 0x11B09)
            or (>= 0x0E01 and <= 0x0E3A) or (>= 0x0E40 and <= 0x0E5B);
    }
}
