using Bot.Catalog;

namespace Bot.Application.Tests;

/// <summary>
/// What the application layer does with a request, on the small fixture catalog: parsing, errors, paging, free text.
/// What the real catalog answers is the quality suite's business (tests/Bot.Quality.Tests).
/// </summary>
public sealed class ReadingAssistantTests
{
    private static readonly ReadingAssistant Assistant = new(FixtureCatalog.Engine);

    [Fact]
    public void Recommend_consensus_beginner_gives_a_short_ranked_list_with_reasons()
    {
        var reply = Assistant.Handle("/recommend consensus beginner");
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Equal(Level.Beginner, reply.Level);
        Assert.Equal(["consensus"], reply.Topics);
        Assert.Equal(5, reply.Items.Count);
        Assert.All(reply.Items, item => Assert.False(string.IsNullOrWhiteSpace(item.Reason)));
        Assert.Equal(Level.Beginner, reply.Items[0].Level);
        Assert.DoesNotContain(reply.Items.Take(3), item => item.Level == Level.Advanced);
    }

    [Fact]
    public void Key_value_options_are_understood()
    {
        var reply = Assistant.Handle("/recommend topic:storage level:advanced kind:paper");
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Equal(Level.Advanced, reply.Level);
        Assert.Equal(ResourceKind.Paper, reply.Kind);
        Assert.Equal(["storage"], reply.Topics);
        Assert.All(reply.Items, item => Assert.Equal(ResourceKind.Paper, item.Kind));
    }

    [Fact]
    public void A_kind_read_from_the_words_is_named_in_the_headline_only_when_every_item_is_of_it()
    {
        // The fixture holds no course on consensus: the word asks for one, the page holds what there is.
        var preferred = Assistant.Handle("/recommend consensus course");
        Assert.Equal(ResourceKind.Course, preferred.Kind);
        Assert.Contains(preferred.Items, item => item.Kind != ResourceKind.Course);
        Assert.DoesNotContain("(courses)", preferred.Message, StringComparison.Ordinal);

        var chosen = Assistant.Handle("/recommend topic:consensus kind:paper");
        Assert.All(chosen.Items, item => Assert.Equal(ResourceKind.Paper, item.Kind));
        Assert.Contains("(papers)", chosen.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_read_from_a_message_stays_a_preference_on_the_next_page()
    {
        var first = Assistant.HandleMessage("@ReadingBot any courses on consensus?", addressedToBot: true);
        Assert.Equal(ResourceKind.Course, first.Kind);
        Assert.NotNull(first.NextPage);
        Assert.Null(first.NextPage.Request.Kind);
        var second = Assistant.Recommend(first.NextPage.Request);
        Assert.Equal(ResourceKind.Course, second.Kind);
        Assert.NotEmpty(second.Items);
    }

    [Fact]
    public void A_kind_the_reader_rules_out_is_never_recommended()
    {
        var reply = Assistant.Handle("/recommend consensus, not a research paper please");

        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Null(reply.Kind);
        Assert.NotEmpty(reply.Items);
        Assert.DoesNotContain(reply.Items, item => item.Kind == ResourceKind.Paper);
    }

    [Fact]
    public void A_software_engineer_asking_is_not_asking_for_software()
    {
        var reply = Assistant.Handle("/recommend consensus for a software engineer");

        Assert.Null(reply.Kind);
        Assert.Contains(reply.Items, item => item.Kind != ResourceKind.Tool);
    }

    [Fact]
    public void Multi_word_topics_work_in_options()
    {
        var reply = Assistant.Handle("/recommend topic:leader election level:intermediate count:3");
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Contains("consensus", reply.Topics);
        Assert.Equal(3, reply.Items.Count);
    }

    [Theory]
    [InlineData("/recommend storage engins", "storage")]
    [InlineData("/recommend storage engines", "storage")]
    public void A_second_word_the_catalog_knows_or_nearly_knows_is_part_of_the_topic_not_a_bad_level(string input, string topic)
    {
        var reply = Assistant.Handle(input);
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Equal([topic], reply.Topics);
        Assert.Null(reply.Level);
    }

    [Theory]
    [InlineData("/recommend consensus banana", "banana", "beginner, intermediate, advanced")]
    [InlineData("/recommend topic:consensus level:banana", "banana", "beginner, intermediate, advanced")]
    [InlineData("/recommend topic:consensus kind:banana", "banana", "book, paper")]
    [InlineData("/recommend consensus count:99", "between 1 and 10", "")]
    [InlineData("/recommend consensus count:lots", "whole number", "")]
    public void Bad_options_say_what_was_wrong_and_what_is_accepted(string input, string wrong, string accepted)
    {
        var reply = Assistant.Handle(input);
        Assert.Equal(Intent.Error, reply.Intent);
        Assert.Contains(wrong, reply.Message, StringComparison.Ordinal);
        Assert.Contains(accepted, reply.Message, StringComparison.Ordinal);
        Assert.Empty(reply.Items);
    }

    [Fact]
    public void An_empty_topic_shows_help()
    {
        var reply = Assistant.Handle("/recommend");
        Assert.Equal(Intent.Error, reply.Intent);
        Assert.Contains(reply.Sections, s => s.Title.StartsWith("/recommend", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_topic_suggests_the_nearest_ones()
    {
        var reply = Assistant.Handle("/recommend replicashun");
        Assert.Equal(Intent.Error, reply.Intent);
        Assert.Contains("Did you mean: replication", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topic_nothing_resembles_lists_popular_topics_instead_of_noise()
    {
        var reply = Assistant.Handle("/recommend quantum gravity");
        Assert.Equal(Intent.Error, reply.Intent);
        Assert.Contains("Popular topics: consensus", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_topics_are_understood()
    {
        var reply = Assistant.Handle("/recommend concensus beginner");
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Equal(["consensus"], reply.Topics);
    }

    [Fact]
    public void Inputs_over_500_characters_are_refused_clearly()
    {
        var reply = Assistant.Handle("/recommend " + new string('a', 600));
        Assert.Equal(Intent.Error, reply.Intent);
        Assert.Contains("500", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_commands_list_the_commands()
    {
        var reply = Assistant.Handle("/frobnicate now");
        Assert.Equal(Intent.Error, reply.Intent);
        Assert.Contains("/recommend", reply.Message, StringComparison.Ordinal);
        Assert.Contains("/paper", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paper_raft_finds_the_raft_paper_with_facts_and_reading_order()
    {
        var reply = Assistant.Handle("/paper raft");
        Assert.Equal(Intent.Paper, reply.Intent);
        var match = reply.Items[0];
        Assert.Equal("raft-paper", match.Id);
        Assert.Equal(2014, match.Year);
        Assert.Contains("Diego Ongaro", match.Authors);
        Assert.StartsWith("https://", match.Url, StringComparison.Ordinal);
        Assert.NotNull(reply.Paper);
        Assert.NotEmpty(reply.Paper.ReadFirst);
        Assert.NotEmpty(reply.Paper.ReadNext);
        Assert.DoesNotContain(reply.Paper.ReadFirst, i => i.Id == match.Id);
    }

    [Fact]
    public void An_ambiguous_paper_query_lists_alternatives()
    {
        var reply = Assistant.Handle("/paper paxos");
        Assert.Equal(Intent.Paper, reply.Intent);
        Assert.True(reply.Items.Count >= 2);
        Assert.All(reply.Items, i => Assert.Contains("consensus", Assistant.Catalog.FindResource(i.Id)!.Topics));
    }

    [Fact]
    public void A_paper_found_by_its_description_says_no_name_matched()
    {
        var reply = Assistant.Handle("/paper tolerates malicious replicas with good performance");

        Assert.Equal(Intent.Paper, reply.Intent);
        Assert.Equal("pbft", reply.Items[0].Id);
        Assert.Equal(AssistantText.MatchedByDescription("tolerates malicious replicas with good performance"), reply.Message);
        Assert.Null(Assistant.Handle("/paper pbft").Message);
    }

    [Fact]
    public void No_paper_match_says_so_and_suggests()
    {
        var reply = Assistant.Handle("/paper qwxzv plorg");
        Assert.Equal(Intent.Error, reply.Intent);
        Assert.StartsWith("No paper matches 'qwxzv plorg'", reply.Message, StringComparison.Ordinal);
        Assert.Empty(reply.Items);
    }

    [Fact]
    public void Topics_lists_every_topic_on_one_line_each()
    {
        var reply = Assistant.Handle("/topics");
        var lines = reply.Message!.Split('\n');
        Assert.Empty(reply.Sections);
        Assert.Equal(Assistant.Catalog.Topics.Count + 1, lines.Length);
        Assert.All(Assistant.Catalog.Topics, t => Assert.Single(lines, l => l.StartsWith($"`{t.Id}` ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/topics concensus")]
    [InlineData("/topics topic:paxos")]
    public void Topics_with_a_topic_shows_that_topic_in_detail(string input)
    {
        var reply = Assistant.Handle(input);
        var consensus = Assistant.Catalog.FindTopic("consensus")!;
        Assert.Equal(Intent.Topics, reply.Intent);
        Assert.Equal(["consensus"], reply.Topics);
        Assert.Contains(consensus.Description, reply.Message, StringComparison.Ordinal);
        var levels = Assert.Single(reply.Sections, s => s.Title == "Items by level");
        Assert.StartsWith($"{Assistant.Engine.Index.ResourcesInTopic("consensus").Count} items", levels.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_the_catalog_does_not_know_get_the_topics_to_choose_from_and_keep_the_level()
    {
        var reply = Assistant.Handle("/recommend quantum basketweaving beginner");
        Assert.Equal(Intent.Error, reply.Intent);
        Assert.Equal(Level.Beginner, reply.Level);
        Assert.StartsWith("Unknown topic 'quantum basketweaving'", reply.Message, StringComparison.Ordinal);
        Assert.Empty(reply.Items);
    }

    [Fact]
    public void Words_the_catalog_knows_outside_any_topic_get_the_closest_texts_with_a_note()
    {
        var reply = Assistant.Handle("/recommend level:beginner ordering events without a shared clock");
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Equal(Level.Beginner, reply.Level);
        Assert.Contains("is not one of my topics", reply.Message, StringComparison.Ordinal);
        Assert.Equal("lamport-clocks", reply.Items[0].Id);
    }

    [Fact]
    public void Topics_with_an_unknown_topic_says_so()
    {
        var reply = Assistant.Handle("/topics 🍕");
        Assert.Equal(Intent.Error, reply.Intent);
        Assert.StartsWith("Unknown topic '🍕'", reply.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anyone up for lunch?")]
    [InlineData("the build is green, merging")]
    [InlineData("thanks!")]
    [InlineData("anyone have recs for lunch spots?")]
    [InlineData("any reads on the PR?")]
    [InlineData("need reading glasses lol")]
    [InlineData("our zookeeper ensemble lost quorum last night")]
    [InlineData("I read the raft paper last night")]
    [InlineData("we need a new database")]
    public void Chatter_gets_no_answer(string message)
    {
        var reply = Assistant.HandleMessage(message);
        Assert.False(reply.ShouldAnswer);
        Assert.Empty(reply.Items);
        Assert.Null(reply.Message);
    }

    [Fact]
    public void A_newcomer_question_gets_beginner_reading_on_the_topic()
    {
        var reply = Assistant.HandleMessage("I'm new here, what should I read about replication?");
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Equal(Level.Beginner, reply.Level);
        Assert.Contains("replication", reply.Topics);
        Assert.Equal(Level.Beginner, reply.Items[0].Level);
    }

    [Theory]
    [InlineData("consensus for beginners please", Intent.Recommend)]
    [InlineData("paper raft", Intent.Paper)]
    [InlineData("recommend storage advanced", Intent.Recommend)]
    [InlineData("thanks!", Intent.None)]
    [InlineData("hi", Intent.None)]
    public void A_message_addressed_to_the_bot_needs_no_request_phrasing(string message, Intent intent) =>
        Assert.Equal(intent, Assistant.HandleMessage(message, addressedToBot: true).Intent);

    [Fact]
    public void A_sentence_describing_a_paper_to_the_bot_is_read_as_a_request_not_typed_as_the_command()
    {
        var reply = Assistant.HandleMessage("paper about keeping replicas in sync with chains of servers", addressedToBot: true);

        Assert.NotEqual(Intent.Error, reply.Intent);
        Assert.Contains(reply.Items, item => item.Id == "chain-replication");
    }

    [Fact]
    public void The_same_bare_topic_in_a_channel_is_chatter() =>
        Assert.Equal(Intent.None, Assistant.HandleMessage("consensus for beginners please").Intent);

    [Fact]
    public void The_more_page_continues_the_list()
    {
        var first = Assistant.Recommend(new RecommendRequest { Topic = "consensus", Level = "intermediate" });
        Assert.NotNull(first.NextPage);
        var second = Assistant.Recommend(first.NextPage.Request);
        Assert.Equal(Intent.Recommend, second.Intent);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
    }

    [Fact]
    public void Topic_suggestions_respect_discord_limits()
    {
        var suggestions = Assistant.SuggestTopics("");
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.InRange(s.Name.Length, 1, 100));
        Assert.Contains(Assistant.SuggestTopics("cons"), s => s.Value == "consensus");
    }

    [Theory]
    [InlineData("/paper pbft", "pbft")]
    [InlineData("/paper query:paxos made simple", "paxos-simple")]
    [InlineData("/paper chain replicaton", "chain-replication")]
    [InlineData("/paper lamport clocks", "lamport-clocks")]
    public void Papers_are_found_by_nickname_title_and_misspelling(string input, string id) =>
        Assert.Equal(id, Assistant.Handle(input).Items.FirstOrDefault()?.Id);

    [Fact]
    public void Paper_suggestions_follow_what_is_typed()
    {
        Assert.Contains(Assistant.SuggestPapers("ra"), s => s.Name.Contains("Understandable Consensus", StringComparison.Ordinal));
        Assert.Contains(Assistant.SuggestPapers("chain"), s => s.Name.StartsWith("Chain Replication", StringComparison.Ordinal));
        Assert.Contains(Assistant.SuggestPapers("lamport cl"), s => s.Name.StartsWith("Time, Clocks", StringComparison.Ordinal));
        Assert.All(Assistant.SuggestPapers("raf"), s => Assert.InRange(s.Value.Length, 1, 100));
    }

    [Fact]
    public void What_the_reader_has_read_is_not_recommended_again()
    {
        var reply = Assistant.HandleMessage("I already read the raft paper, what next on consensus?");
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.NotEmpty(reply.Items);
        Assert.DoesNotContain(reply.Items, item => item.Id == "raft-paper");
    }

    [Theory]
    [InlineData("/recommend read the raft paper, what next on consensus")]
    [InlineData("read the raft paper. where next?")]
    [InlineData("been through the raft paper twice, want to go deeper")]
    public void A_request_saying_what_was_read_leaves_it_out_and_says_what_the_catalog_names_next(string input)
    {
        var reply = Assistant.Handle(input);
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.DoesNotContain(reply.Items, item => item.Id == "raft-paper");
        var next = Assert.Single(reply.Items, item => item.Id == "paxos-simple");
        Assert.StartsWith("Read next after " + Assistant.Catalog.FindResource("raft-paper")!.Title, next.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_naming_an_item_without_having_read_it_keeps_it()
    {
        var reply = Assistant.Handle("/recommend raft paper");
        Assert.Contains(reply.Items, item => item.Id == "raft-paper");
    }

    [Theory]
    [InlineData("what should I read?")]
    [InlineData("recommend me something")]
    public void A_request_without_a_topic_gets_a_starter_list_and_the_question_which_topic(string message)
    {
        var reply = Assistant.HandleMessage(message, addressedToBot: true);
        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.NotEmpty(reply.Items);
        Assert.Contains("Which topic?", reply.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("¿qué debería leer sobre consenso?")]
    [InlineData("有没有关于共识算法的好书？")]
    public void A_message_in_another_language_gets_the_english_note_only_when_addressed(string message)
    {
        Assert.False(Assistant.HandleMessage(message).ShouldAnswer);
        var addressed = Assistant.HandleMessage(message, addressedToBot: true);
        Assert.True(addressed.ShouldAnswer);
        Assert.Equal(AssistantText.OtherLanguageNote, addressed.Message);
        Assert.Empty(addressed.Items);
    }

    [Fact]
    public void A_command_typed_as_text_in_a_channel_is_a_command()
    {
        Assert.Equal(Intent.Paper, Assistant.HandleMessage("/paper raft").Intent);
        Assert.False(Assistant.HandleMessage("/shrug").ShouldAnswer);
    }

    [Theory]
    [InlineData("@bot consensus for beginners please", Intent.Recommend)]
    [InlineData("@ReadingBot, paper raft", Intent.Paper)]
    [InlineData("<@80351110224678912> recommend storage advanced", Intent.Recommend)]
    [InlineData("consensus for beginners please", Intent.None)]
    public void A_typed_line_that_starts_with_a_mention_is_addressed_to_the_bot(string input, Intent intent)
    {
        var reply = Assistant.Handle(input);
        Assert.Equal(intent, reply.Intent);
        Assert.Equal(input, reply.Input);
    }

    [Fact]
    public void Page_n_is_the_nth_slice_of_the_longer_list_and_its_hint_says_how_to_get_the_next()
    {
        var longer = Assistant.Handle("/recommend consensus count:6");
        var second = Assistant.Handle("/recommend consensus count:3 page:2");
        var first = Assistant.Handle("/recommend consensus count:3");

        Assert.Equal(longer.Items.Skip(3).Select(i => i.Id), second.Items.Select(i => i.Id));
        Assert.NotNull(first.NextPage);
        Assert.Equal("/recommend topic:consensus count:3 page:2", first.NextPage.Command);
        Assert.Equal(second.Items.Select(i => i.Id), Assistant.Recommend(first.NextPage.Request).Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("/recommend consensus page:0")]
    [InlineData("/recommend consensus page:two")]
    [InlineData("/recommend consensus page:21")]
    public void A_bad_page_says_what_is_accepted(string input)
    {
        var reply = Assistant.Handle(input);
        Assert.Equal(Intent.Error, reply.Intent);
        Assert.Contains("between 1 and 20", reply.Message, StringComparison.Ordinal);
    }
}
