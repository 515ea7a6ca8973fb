using System.Text.RegularExpressions;

namespace Bot.Catalog.Loading;

/// <summary>Checks on single values shared by resources, topics and sources.</summary>
internal static partial class ValueRules
{
    public static void CheckSlug(Located<string> id, string what, ProblemLog problems)
    {
        if (SlugPattern().IsMatch(id.Value))
        {
            return;
        }

        var suggestion = NonSlugCharacters().Replace(id.Value.ToLowerInvariant(), "-").Trim('-');
        var example = suggestion.Length > 0 ? suggestion : "raft-paper";
        problems.Report(
            id.Location,
            $"{what} \"{id.Value}\" is not a slug; use lowercase letters a-z, digits and single hyphens between them, e.g. \"{example}\"");
    }

    public static void CheckUrl(Located<string> url, ProblemLog problems, string field = "url")
    {
        var problem = DescribeUrlProblem(field, url.Value);
        if (problem is not null)
        {
            problems.Report(url.Location, problem);
        }
    }

    public static void CheckUniqueItems(
        IReadOnlyList<Located<string>> items, string field, ProblemLog problems, StringComparer? comparer = null)
    {
        var seen = new HashSet<string>(comparer ?? StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!seen.Add(item.Value))
            {
                problems.Report(item.Location, $"\"{field}\" lists \"{item.Value}\" more than once");
            }
        }
    }

    private static string? DescribeUrlProblem(string field, string url)
    {
        const string Accepted = "expected an absolute http:// or https:// address such as https://example.org/paper.pdf";
        if (url.Any(char.IsWhiteSpace))
        {
            return $"{field} \"{url}\" contains whitespace; encode spaces as %20 ({Accepted})";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"{field} \"{url}\" is not an absolute URL; {Accepted}";
        }

        // System.Uri refuses http(s) addresses without a host ("https:///x"), so a scheme check is enough here.
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"{field} \"{url}\" uses the scheme \"{uri.Scheme}\"; {Accepted}";
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonSlugCharacters();
}
