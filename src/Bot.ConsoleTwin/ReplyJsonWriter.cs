using System.Text.Encodings.Web;
using System.Text.Json;
using Bot.Application;
using Bot.Recommendation.Understanding;

namespace Bot.ConsoleTwin;

/// <summary>
/// Writes a reply as the one-line JSON object of the scripting contract:
/// {"input","intent","level","topics","kind","message","items":[{"id","title","kind","level","authors","year","url","score","reason",
/// "status","rating","next_up"}],"sections":[{"title","body"}]}: the item keys after "reason", "sections" and "data" (the JSON of
/// /my-data, only there) appear only in replies about the reader's own data, so the other replies keep the original keys.
/// /topics and /help are neither recommendations nor paper lookups, so they report intent "none" with a message.
/// The reader commands report "save", "read", "remove", "list", "path", "feedback", "forget-me" and "my-data".
/// </summary>
public static class ReplyJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string ToJson(Reply reply)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("input", reply.Input);
            json.WriteString("intent", IntentNames.Of(reply.Intent));
            WriteNullable(json, "level", reply.Level is { } level ? LevelVocabulary.Name(level) : null);
            json.WriteStartArray("topics");
            foreach (var topic in reply.Topics)
            {
                json.WriteStringValue(topic);
            }

            json.WriteEndArray();
            WriteNullable(json, "kind", reply.Kind is { } kind ? KindVocabulary.Name(kind) : null);
            WriteNullable(json, "message", reply.Message);
            json.WriteStartArray("items");
            foreach (var item in reply.Items)
            {
                json.WriteStartObject();
                json.WriteString("id", item.Id);
                json.WriteString("title", item.Title);
                json.WriteString("kind", KindVocabulary.Name(item.Kind));
                json.WriteString("level", LevelVocabulary.Name(item.Level));
                json.WriteStartArray("authors");
                foreach (var author in item.Authors)
                {
                    json.WriteStringValue(author);
                }

                json.WriteEndArray();
                if (item.Year is { } year)
                {
                    json.WriteNumber("year", year);
                }
                else
                {
                    json.WriteNull("year");
                }

                json.WriteString("url", item.Url);
                json.WriteNumber("score", Math.Round(item.Score, 4));
                json.WriteString("reason", item.Reason);
                if (!reply.IsPersonal)
                {
                    json.WriteEndObject();
                    continue;
                }

                WriteNullable(json, "status", item.Status switch { ReadingStatus.Read => "read", ReadingStatus.Saved => "saved", _ => null });
                if (item.Rating is { } rating)
                {
                    json.WriteNumber("rating", rating);
                }
                else
                {
                    json.WriteNull("rating");
                }

                json.WriteBoolean("next_up", item.NextUp);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (!reply.IsPersonal)
            {
                json.WriteEndObject();
                return Finish(buffer, json);
            }

            json.WriteStartArray("sections");
            foreach (var section in reply.Sections)
            {
                json.WriteStartObject();
                json.WriteString("title", section.Title);
                json.WriteString("body", section.Body);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (reply.Attachment is { } attachment)
            {
                json.WritePropertyName("data");
                using var data = JsonDocument.Parse(attachment.Content);
                data.WriteTo(json);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Finish(MemoryStream buffer, Utf8JsonWriter json)
    {
        json.Flush();
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }


    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
