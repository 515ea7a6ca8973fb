namespace Bot.Application.Tests;

/// <summary>Throws random and hostile input at the parser and ranker: nothing may throw, every reply is well-formed.</summary>
public sealed class InputFuzzTests
{
    private static readonly ReadingAssistant Assistant = new(FixtureCatalog.Engine);

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 8)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_unicode_never_crashes(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 150; i++)
        {
            var text = RandomText(random, random.Next(0, 120));
            foreach (var input in new[] { text, "/recommend " + text, "/paper " + text, "/recommend topic:" + text + " level:" + text })
            {
                AssertWellFormed(Assistant.Handle(input));
                AssertWellFormed(Assistant.HandleMessage(input));
            }

            // Autocomplete sees every keystroke: any text is answered without throwing.
            _ = Assistant.SuggestTopics(text);
            _ = Assistant.SuggestPapers(text);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("/")]
    [InlineData("//")]
    [InlineData("/recommend topic:")]
    [InlineData("/recommend level:")]
    [InlineData("/recommend :::")]
    [InlineData("/paper query:")]
    [InlineData("/recommend count:-1 consensus")]
    [InlineData("/recommend count:2147483648 consensus")]
    [InlineData("\u0000\u0001\u001b[31m")]
    [InlineData("\ud800")]
    [InlineData("🙂🙂🙂 /paper 🙂")]
    [InlineData("/RECOMMEND CONSENSUS BEGINNER")]
    public void Edge_inputs_get_a_reply(string input) => AssertWellFormed(Assistant.Handle(input));

    [Fact]
    public void Huge_inputs_are_refused_not_processed()
    {
        var huge = new string('x', 1_000_000);
        Assert.Equal(Intent.Error, Assistant.Handle(huge).Intent);
        Assert.Equal(Intent.None, Assistant.HandleMessage(huge).Intent);
        Assert.Equal(Intent.Error, Assistant.FindPaper(huge).Intent);
        // The reply echoes the input exactly, so a script can pair replies with its lines.
        Assert.Equal(huge, Assistant.Handle(huge).Input);
    }

    private static void AssertWellFormed(Reply reply)
    {
        Assert.True(reply.Items.Count <= ReadingAssistant.MaxCount);
        if (reply.Intent == Intent.Error)
        {
            Assert.False(string.IsNullOrWhiteSpace(reply.Message));
        }

        foreach (var item in reply.Items)
        {
            Assert.False(string.IsNullOrEmpty(item.Id));
            Assert.False(string.IsNullOrEmpty(item.Reason));
            Assert.False(double.IsNaN(item.Score));
        }
    }

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(6) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0xD800, 0xE000),
                2 => (char)random.Next(0x300, 0x370),
                3 => " :/-'\"?!"[random.Next(8)],
                4 => (char)random.Next(0x4E00, 0x4F00),
                _ => (char)random.Next('a', 'z' + 1),
            };
        }

        return new string(chars);
    }
}
