namespace Bot.Discord.Models.Outbound;

/// <summary>Where an outgoing message goes; the endpoints accept different members and flags.</summary>
public enum MessageTarget
{
    /// <summary><c>POST /channels/{channel_id}/messages</c>.</summary>
    ChannelMessage,

    /// <summary>Callback type 4 (CHANNEL_MESSAGE_WITH_SOURCE).</summary>
    InteractionResponse,

    /// <summary>Callback type 5 (DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE): only the EPHEMERAL flag.</summary>
    DeferredInteractionResponse,

    /// <summary>Callback type 7 (UPDATE_MESSAGE).</summary>
    InteractionUpdate,

    /// <summary><c>POST /webhooks/{application_id}/{token}</c>.</summary>
    FollowUp,

    /// <summary><c>PATCH /webhooks/{application_id}/{token}/messages/@original</c>.</summary>
    EditOriginal,
}

/// <summary>One broken rule: a JSON-style path into the payload and what is wrong.</summary>
public sealed record PayloadViolation(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Checks outgoing payloads against Discord's documented limits before they are sent, including the rules the
/// OpenAPI spec does not express. Returns every violation; an empty list means the payload is acceptable.
/// </summary>
public static class MessageValidator
{
    private const MessageFlags AllKnownFlags =
        MessageFlags.SuppressEmbeds | MessageFlags.Ephemeral | MessageFlags.SuppressNotifications;

    public static IReadOnlyList<PayloadViolation> Validate(MessagePayload message, MessageTarget target)
    {
        ArgumentNullException.ThrowIfNull(message);
        var v = new List<PayloadViolation>();

        if (target == MessageTarget.DeferredInteractionResponse)
        {
            if (message.Content is not null || message.Embeds is not null || message.Components is not null
                || message.AllowedMentions is not null || message.Attachments is not null)
            {
                v.Add(new("data", "a deferred response may only carry the EPHEMERAL flag"));
            }
        }

        if (message.MessageReference is not null && target != MessageTarget.ChannelMessage)
        {
            v.Add(new("message_reference", "only channel messages can reference (reply to) a message"));
        }

        if ((message.Nonce is not null || message.EnforceNonce is not null) && target != MessageTarget.ChannelMessage)
        {
            v.Add(new("nonce", "only channel messages carry a nonce"));
        }

        if (message.Nonce is { Length: 0 or > DiscordLimits.MessageNonce } nonce)
        {
            v.Add(new("nonce", $"{nonce.Length} characters; 1 to {DiscordLimits.MessageNonce}"));
        }

        CheckFlags(message.Flags, target, v);

        if (target is MessageTarget.ChannelMessage or MessageTarget.FollowUp or MessageTarget.InteractionResponse
            && string.IsNullOrEmpty(message.Content) && (message.Embeds is null || message.Embeds.Count == 0)
            && (message.Components is null || message.Components.Count == 0)
            && (message.Attachments is null || message.Attachments.Count == 0))
        {
            v.Add(new("content", "a message needs content, embeds, components or files"));
        }

        if (message.Content is { Length: > DiscordLimits.MessageContent } content)
        {
            v.Add(new("content", $"{content.Length} characters; at most {DiscordLimits.MessageContent}"));
        }

        if (message.Embeds is { } embeds)
        {
            CheckEmbeds(embeds, v);
        }

        if (message.AllowedMentions is { } mentions)
        {
            CheckAllowedMentions(mentions, v);
        }

        if (message.Components is { } rows)
        {
            CheckComponents(rows, v);
        }

        if (message.Attachments is { } attachments)
        {
            CheckAttachments(attachments, v);
        }

        return v;
    }

    /// <summary>
    /// Checks files sent with <paramref name="message"/> (Reference "Uploading Files"): at most
    /// <see cref="DiscordLimits.AttachmentsPerMessage"/>, each within <see cref="DiscordLimits.AttachmentBytes"/>, with a
    /// name that fits a <c>Content-Disposition</c> header, and each <c>files[n]</c> referenced once by an attachment of id n.
    /// </summary>
    public static IReadOnlyList<PayloadViolation> ValidateFiles(MessagePayload message, IReadOnlyList<FileUpload> files)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(files);
        var v = new List<PayloadViolation>();
        if (files.Count > DiscordLimits.AttachmentsPerMessage)
        {
            v.Add(new("files", $"{files.Count} files; at most {DiscordLimits.AttachmentsPerMessage}"));
        }

        var attachments = message.Attachments ?? [];
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var path = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"files[{i}]");
            if (!IsValidFileName(file.FileName))
            {
                v.Add(new(path, $"file name must be 1 to {DiscordLimits.AttachmentFilename} characters without quotes, backslashes or control characters"));
            }

            if (file.Content.Length > DiscordLimits.AttachmentBytes)
            {
                v.Add(new(path, $"{file.Content.Length} bytes; at most {DiscordLimits.AttachmentBytes}"));
            }

            if (string.IsNullOrWhiteSpace(file.ContentType) || file.ContentType.Any(char.IsControl))
            {
                v.Add(new(path, "needs a content type without control characters"));
            }

            var references = attachments.Count(a => a.Id == (ulong)i);
            if (references != 1)
            {
                v.Add(new(path, $"referenced by {references} attachments; exactly one must have id {i}"));
            }
        }

        return v;
    }

    /// <summary>True when <paramref name="fileName"/> can be sent as a quoted <c>filename</c> parameter unchanged.</summary>
    public static bool IsValidFileName(string? fileName) =>
        fileName is { Length: > 0 and <= DiscordLimits.AttachmentFilename }
        && !string.IsNullOrWhiteSpace(fileName)
        && !fileName.Any(c => c is '"' or '\\' || char.IsControl(c));

    private static void CheckAttachments(IReadOnlyList<MessageAttachment> attachments, List<PayloadViolation> v)
    {
        if (attachments.Count > DiscordLimits.AttachmentsPerMessage)
        {
            v.Add(new("attachments", $"{attachments.Count} attachments; at most {DiscordLimits.AttachmentsPerMessage}"));
        }

        if (attachments.Select(a => a.Id).Distinct().Count() != attachments.Count)
        {
            v.Add(new("attachments", "attachment ids must be unique"));
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            if (attachments[i].Filename is { Length: 0 or > DiscordLimits.AttachmentFilename } name)
            {
                v.Add(new($"attachments.{i}.filename", $"{name.Length} characters; 1 to {DiscordLimits.AttachmentFilename}"));
            }

            if (attachments[i].Description is { Length: > DiscordLimits.AttachmentDescription } description)
            {
                v.Add(new($"attachments.{i}.description", $"{description.Length} characters; at most {DiscordLimits.AttachmentDescription}"));
            }
        }
    }

    public static IReadOnlyList<PayloadViolation> Validate(InteractionResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var v = new List<PayloadViolation>();
        switch (response.Type, response.Data)
        {
            case (InteractionCallbackType.Pong or InteractionCallbackType.DeferredUpdateMessage, null):
            case (InteractionCallbackType.DeferredChannelMessageWithSource, null):
                break;
            case (InteractionCallbackType.ChannelMessageWithSource, MessagePayload m):
                Prefix("data", Validate(m, MessageTarget.InteractionResponse), v);
                break;
            case (InteractionCallbackType.DeferredChannelMessageWithSource, MessagePayload m):
                Prefix("data", Validate(m, MessageTarget.DeferredInteractionResponse), v);
                break;
            case (InteractionCallbackType.UpdateMessage, MessagePayload m):
                Prefix("data", Validate(m, MessageTarget.InteractionUpdate), v);
                break;
            case (InteractionCallbackType.ApplicationCommandAutocompleteResult, AutocompleteResult a):
                CheckChoices("data.choices", a.Choices, DiscordLimits.AutocompleteChoices, v);
                break;
            case (InteractionCallbackType.Modal, ModalPayload modal):
                CheckModal(modal, v);
                break;
            default:
                v.Add(new("data", $"data of type {response.Data?.GetType().Name ?? "null"} does not fit callback type {(int)response.Type}"));
                break;
        }

        return v;
    }

    /// <summary>Validates a bulk-overwrite set: each command plus per-scope counts and unique names per type.</summary>
    public static IReadOnlyList<PayloadViolation> Validate(IReadOnlyList<ApplicationCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var v = new List<PayloadViolation>();
        for (var i = 0; i < commands.Count; i++)
        {
            Prefix(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Validate(commands[i]), v);
        }

        foreach (var group in commands.GroupBy(c => c.Type))
        {
            var max = group.Key switch
            {
                ApplicationCommandType.ChatInput => DiscordLimits.GlobalChatInputCommands,
                ApplicationCommandType.User => DiscordLimits.GlobalUserCommands,
                _ => DiscordLimits.GlobalMessageCommands,
            };
            if (group.Count() > max)
            {
                v.Add(new("", $"{group.Count()} {group.Key} commands; at most {max}"));
            }

            foreach (var dup in group.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                v.Add(new("", $"command name '{dup.Key}' is used by more than one {group.Key} command"));
            }
        }

        return v;
    }

    public static IReadOnlyList<PayloadViolation> Validate(ApplicationCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var v = new List<PayloadViolation>();
        if (command.Type == ApplicationCommandType.ChatInput)
        {
            if (!DiscordLimits.IsValidCommandName(command.Name))
            {
                v.Add(new("name", $"'{command.Name}' must match {DiscordLimits.CommandNamePattern} and be lowercase"));
            }

            CheckDescription("description", command.Description, v);
            if (command.Options is { } options)
            {
                CheckOptions("options", options, depth: 0, v);
            }
        }
        else
        {
            if (command.Name.Length is < 1 or > DiscordLimits.CommandNameMax)
            {
                v.Add(new("name", $"must be 1-{DiscordLimits.CommandNameMax} characters"));
            }

            if (command.Description is not null)
            {
                v.Add(new("description", "USER and MESSAGE commands must not have a description"));
            }

            if (command.Options is not null)
            {
                v.Add(new("options", "only CHAT_INPUT commands have options"));
            }
        }

        if (command.Contexts is { Count: 0 })
        {
            v.Add(new("contexts", "must not be empty (omit it instead)"));
        }

        if (command.IntegrationTypes is { Count: 0 })
        {
            v.Add(new("integration_types", "must not be empty (omit it instead)"));
        }

        var total = CommandCharacters(command);
        if (total > DiscordLimits.CommandTotalCharacters)
        {
            v.Add(new("", $"{total} characters in names, descriptions and values; at most {DiscordLimits.CommandTotalCharacters}"));
        }

        return v;
    }

    /// <summary>Sum of the trimmed lengths that count toward <see cref="DiscordLimits.EmbedTotalCharacters"/>.</summary>
    public static int EmbedCharacters(IEnumerable<Embed> embeds)
    {
        ArgumentNullException.ThrowIfNull(embeds);
        var total = 0;
        foreach (var e in embeds)
        {
            total += Trimmed(e.Title) + Trimmed(e.Description) + Trimmed(e.Footer?.Text) + Trimmed(e.Author?.Name);
            foreach (var f in e.Fields ?? [])
            {
                total += Trimmed(f.Name) + Trimmed(f.Value);
            }
        }

        return total;
    }

    private static void CheckFlags(MessageFlags? flags, MessageTarget target, List<PayloadViolation> v)
    {
        if (flags is not { } f)
        {
            return;
        }

        var allowed = target switch
        {
            MessageTarget.ChannelMessage => MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications,
            MessageTarget.InteractionResponse or MessageTarget.FollowUp => AllKnownFlags,
            MessageTarget.DeferredInteractionResponse => MessageFlags.Ephemeral,
            _ => MessageFlags.SuppressEmbeds,
        };
        if ((f & ~allowed) != 0)
        {
            v.Add(new("flags", $"flags {f & ~allowed} cannot be set on {target}; allowed: {allowed}"));
        }
    }

    private static void CheckEmbeds(IReadOnlyList<Embed> embeds, List<PayloadViolation> v)
    {
        if (embeds.Count > DiscordLimits.EmbedsPerMessage)
        {
            v.Add(new("embeds", $"{embeds.Count} embeds; at most {DiscordLimits.EmbedsPerMessage}"));
        }

        for (var i = 0; i < embeds.Count; i++)
        {
            var e = embeds[i];
            var p = $"embeds.{i}";
            Max($"{p}.title", e.Title, DiscordLimits.EmbedTitle, v);
            Max($"{p}.description", e.Description, DiscordLimits.EmbedDescription, v);
            Max($"{p}.url", e.Url, DiscordLimits.EmbedUrl, v);
            Max($"{p}.footer.text", e.Footer?.Text, DiscordLimits.EmbedFooterText, v);
            Max($"{p}.footer.icon_url", e.Footer?.IconUrl, DiscordLimits.EmbedUrl, v);
            Max($"{p}.author.name", e.Author?.Name, DiscordLimits.EmbedAuthorName, v);
            Max($"{p}.author.url", e.Author?.Url, DiscordLimits.EmbedUrl, v);
            Max($"{p}.author.icon_url", e.Author?.IconUrl, DiscordLimits.EmbedUrl, v);
            Max($"{p}.thumbnail.url", e.Thumbnail?.Url, DiscordLimits.EmbedUrl, v);
            Max($"{p}.image.url", e.Image?.Url, DiscordLimits.EmbedUrl, v);
            if (e.Color is < 0 or > DiscordLimits.EmbedColorMax)
            {
                v.Add(new($"{p}.color", $"must be within 0..{DiscordLimits.EmbedColorMax}"));
            }

            if (e.Fields is { } fields)
            {
                if (fields.Count > DiscordLimits.EmbedFields)
                {
                    v.Add(new($"{p}.fields", $"{fields.Count} fields; at most {DiscordLimits.EmbedFields}"));
                }

                for (var j = 0; j < fields.Count; j++)
                {
                    Max($"{p}.fields.{j}.name", fields[j].Name, DiscordLimits.EmbedFieldName, v);
                    Max($"{p}.fields.{j}.value", fields[j].Value, DiscordLimits.EmbedFieldValue, v);
                }
            }
        }

        var total = EmbedCharacters(embeds);
        if (total > DiscordLimits.EmbedTotalCharacters)
        {
            v.Add(new("embeds", $"{total} characters across all embeds; at most {DiscordLimits.EmbedTotalCharacters}"));
        }
    }

    private static void CheckAllowedMentions(AllowedMentions m, List<PayloadViolation> v)
    {
        var parse = m.Parse ?? [];
        if (parse.Contains(AllowedMentionType.Users) && m.Users is { Count: > 0 })
        {
            v.Add(new("allowed_mentions", "parse contains \"users\" and users is set; they are mutually exclusive"));
        }

        if (parse.Contains(AllowedMentionType.Roles) && m.Roles is { Count: > 0 })
        {
            v.Add(new("allowed_mentions", "parse contains \"roles\" and roles is set; they are mutually exclusive"));
        }

        if (parse.Distinct().Count() != parse.Count)
        {
            v.Add(new("allowed_mentions.parse", "contains duplicates"));
        }

        CheckIds("allowed_mentions.users", m.Users, v);
        CheckIds("allowed_mentions.roles", m.Roles, v);
    }

    private static void CheckIds(string path, IReadOnlyList<ulong>? ids, List<PayloadViolation> v)
    {
        if (ids is null)
        {
            return;
        }

        if (ids.Count > DiscordLimits.AllowedMentionIds)
        {
            v.Add(new(path, $"{ids.Count} ids; at most {DiscordLimits.AllowedMentionIds}"));
        }

        if (ids.Distinct().Count() != ids.Count)
        {
            v.Add(new(path, "contains duplicates"));
        }
    }

    private static void CheckComponents(IReadOnlyList<ActionRow> rows, List<PayloadViolation> v)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var buttons = rows[i].Components;
            if (buttons.Count is < 1 or > DiscordLimits.ActionRowComponents)
            {
                v.Add(new($"components.{i}.components", $"an action row holds 1-{DiscordLimits.ActionRowComponents} components"));
            }

            for (var j = 0; j < buttons.Count; j++)
            {
                var b = buttons[j];
                var p = $"components.{i}.components.{j}";
                if (b.CustomId is { } id && id.Length is < 1 or > DiscordLimits.ComponentCustomId)
                {
                    v.Add(new($"{p}.custom_id", $"must be 1-{DiscordLimits.ComponentCustomId} characters"));
                }

                Max($"{p}.label", b.Label, DiscordLimits.ButtonLabel, v);
                Max($"{p}.url", b.Url, DiscordLimits.ButtonUrl, v);
            }
        }
    }

    private static void CheckModal(ModalPayload modal, List<PayloadViolation> v)
    {
        if (modal.CustomId.Length is < 1 or > DiscordLimits.ModalCustomId)
        {
            v.Add(new("data.custom_id", $"must be 1-{DiscordLimits.ModalCustomId} characters"));
        }

        if (modal.Title.Length is < 1 or > DiscordLimits.ModalTitle)
        {
            v.Add(new("data.title", $"must be 1-{DiscordLimits.ModalTitle} characters"));
        }

        if (modal.Components.Count is < 1 or > DiscordLimits.ModalComponentsMax)
        {
            v.Add(new("data.components", $"a modal holds 1-{DiscordLimits.ModalComponentsMax} components"));
        }

        for (var i = 0; i < modal.Components.Count; i++)
        {
            var inputs = modal.Components[i].Components;
            if (inputs.Count is < 1 or > DiscordLimits.ActionRowComponents)
            {
                v.Add(new($"data.components.{i}.components", $"an action row holds 1-{DiscordLimits.ActionRowComponents} components"));
            }

            for (var j = 0; j < inputs.Count; j++)
            {
                if (inputs[j].CustomId.Length is < 1 or > DiscordLimits.ComponentCustomId)
                {
                    v.Add(new($"data.components.{i}.components.{j}.custom_id", $"must be 1-{DiscordLimits.ComponentCustomId} characters"));
                }
            }
        }
    }

    private static void CheckDescription(string path, string? description, List<PayloadViolation> v)
    {
        if (description is null || description.Length is < 1 or > DiscordLimits.CommandDescriptionMax)
        {
            v.Add(new(path, $"must be 1-{DiscordLimits.CommandDescriptionMax} characters"));
        }
    }

    private static void CheckOptions(string path, IReadOnlyList<ApplicationCommandOption> options, int depth, List<PayloadViolation> v)
    {
        if (options.Count > DiscordLimits.CommandOptions)
        {
            v.Add(new(path, $"{options.Count} options; at most {DiscordLimits.CommandOptions}"));
        }

        var seenOptional = false;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i];
            var p = $"{path}.{i}";
            if (!DiscordLimits.IsValidCommandName(o.Name))
            {
                v.Add(new($"{p}.name", $"'{o.Name}' must match {DiscordLimits.CommandNamePattern} and be lowercase"));
            }

            if (!names.Add(o.Name))
            {
                v.Add(new($"{p}.name", $"'{o.Name}' is used by more than one option"));
            }

            CheckDescription($"{p}.description", o.Description, v);

            var isRequired = o.Required == true;
            if (isRequired && seenOptional)
            {
                v.Add(new($"{p}.required", "required options must come before optional ones"));
            }

            seenOptional |= !isRequired;

            var isGroup = o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup;
            if (isGroup)
            {
                if (depth >= 2 || (o.Type == ApplicationCommandOptionType.SubCommandGroup && depth != 0))
                {
                    v.Add(new($"{p}.type", "sub-command nesting is too deep"));
                }

                if (o.Options is { } nested)
                {
                    CheckOptions($"{p}.options", nested, depth + 1, v);
                }
            }
            else if (o.Options is not null)
            {
                v.Add(new($"{p}.options", "only SUB_COMMAND and SUB_COMMAND_GROUP options have sub-options"));
            }

            var hasChoiceType = o.Type is ApplicationCommandOptionType.String or ApplicationCommandOptionType.Integer
                or ApplicationCommandOptionType.Number;
            if (o.Choices is { } choices)
            {
                if (!hasChoiceType)
                {
                    v.Add(new($"{p}.choices", "only STRING, INTEGER and NUMBER options have choices"));
                }

                CheckChoices($"{p}.choices", choices, DiscordLimits.CommandChoices, v);
                foreach (var (choice, k) in choices.Select((c, k) => (c, k)))
                {
                    var fits = (o.Type, choice.Value) switch
                    {
                        (ApplicationCommandOptionType.String, string) => true,
                        (ApplicationCommandOptionType.Integer, long) => true,
                        (ApplicationCommandOptionType.Number, double or long) => true,
                        _ => !hasChoiceType,
                    };
                    if (!fits)
                    {
                        v.Add(new($"{p}.choices.{k}.value", $"value type does not match option type {o.Type}"));
                    }
                }
            }

            if (o.Autocomplete == true)
            {
                if (!hasChoiceType)
                {
                    v.Add(new($"{p}.autocomplete", "only STRING, INTEGER and NUMBER options support autocomplete"));
                }

                if (o.Choices is { Count: > 0 })
                {
                    v.Add(new($"{p}.autocomplete", "autocomplete cannot be combined with choices"));
                }
            }

            if (o.MinLength is { } minLength && (o.Type != ApplicationCommandOptionType.String || minLength is < 0 or > DiscordLimits.OptionMinLengthMax))
            {
                v.Add(new($"{p}.min_length", $"STRING options only, 0-{DiscordLimits.OptionMinLengthMax}"));
            }

            if (o.MaxLength is { } maxLength && (o.Type != ApplicationCommandOptionType.String || maxLength is < 1 or > DiscordLimits.OptionMaxLengthMax))
            {
                v.Add(new($"{p}.max_length", $"STRING options only, 1-{DiscordLimits.OptionMaxLengthMax}"));
            }

            CheckNumericBound($"{p}.min_value", o.Type, o.MinValue, v);
            CheckNumericBound($"{p}.max_value", o.Type, o.MaxValue, v);
        }
    }

    private static void CheckNumericBound(string path, ApplicationCommandOptionType type, double? value, List<PayloadViolation> v)
    {
        if (value is not { } d)
        {
            return;
        }

        if (type == ApplicationCommandOptionType.Integer)
        {
            if (d != Math.Floor(d) || Math.Abs(d) > DiscordLimits.MaxSafeInteger)
            {
                v.Add(new(path, $"INTEGER bounds must be whole numbers within +/-{DiscordLimits.MaxSafeInteger}"));
            }
        }
        else if (type != ApplicationCommandOptionType.Number)
        {
            v.Add(new(path, "only INTEGER and NUMBER options have min/max values"));
        }
        else if (double.IsNaN(d) || double.IsInfinity(d))
        {
            v.Add(new(path, "must be a finite number"));
        }
    }

    private static void CheckChoices(string path, IReadOnlyList<CommandChoice> choices, int max, List<PayloadViolation> v)
    {
        if (choices.Count > max)
        {
            v.Add(new(path, $"{choices.Count} choices; at most {max}"));
        }

        for (var k = 0; k < choices.Count; k++)
        {
            var c = choices[k];
            if (c.Name.Length is < 1 or > DiscordLimits.ChoiceNameMax)
            {
                v.Add(new($"{path}.{k}.name", $"must be 1-{DiscordLimits.ChoiceNameMax} characters"));
            }

            switch (c.Value)
            {
                case string s when s.Length > DiscordLimits.StringChoiceValueMax:
                    v.Add(new($"{path}.{k}.value", $"string values hold at most {DiscordLimits.StringChoiceValueMax} characters"));
                    break;
                case long l when Math.Abs(l) > DiscordLimits.MaxSafeInteger:
                    v.Add(new($"{path}.{k}.value", $"integer values must be within +/-{DiscordLimits.MaxSafeInteger}"));
                    break;
                case double d when double.IsNaN(d) || double.IsInfinity(d):
                    v.Add(new($"{path}.{k}.value", "must be a finite number"));
                    break;
            }
        }
    }

    private static int CommandCharacters(ApplicationCommand command)
    {
        var total = command.Name.Length + (command.Description?.Length ?? 0);
        foreach (var o in Flatten(command.Options))
        {
            total += o.Name.Length + o.Description.Length;
            foreach (var c in o.Choices ?? [])
            {
                total += c.Name.Length + (c.Value is string s ? s.Length : 0);
            }
        }

        return total;

        static IEnumerable<ApplicationCommandOption> Flatten(IReadOnlyList<ApplicationCommandOption>? options) =>
            (options ?? []).SelectMany(o => Flatten(o.Options).Prepend(o));
    }

    private static void Max(string path, string? value, int max, List<PayloadViolation> v)
    {
        if (value is not null && value.Length > max)
        {
            v.Add(new(path, $"{value.Length} characters; at most {max}"));
        }
    }

    private static int Trimmed(string? s) => s is null ? 0 : s.AsSpan().Trim().Length;

    private static void Prefix(string prefix, IReadOnlyList<PayloadViolation> inner, List<PayloadViolation> v) =>
        v.AddRange(inner.Select(x => x with { Path = x.Path.Length == 0 ? prefix : $"{prefix}.{x.Path}" }));
}
