using Bot.Featurization;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Tests.Understanding;

public sealed class ReadingHistoryTests
{
    [Theory]
    [InlineData("What should I read after DDIA?")]
    [InlineData("I already read the raft paper, what next on consensus?")]
    [InlineData("read the Chubby paper. intermediate level, what's the natural next read?")]
    [InlineData("@bot read Streaming 101 and 102 by Akidau. where next?")]
    [InlineData("I've been through DDIA twice now. what database reading goes a level deeper?")]
    [InlineData("just read the PACELC article, now I want the stuff that pushed back on CAP")]
    [InlineData("did the 6.824 labs last term, what should I read next?")]
    [InlineData("watched the Raft talk, where do I go next")]
    [InlineData("ok DDIA chapter 3 done, what next for storage engines")]
    [InlineData("I know paxos and raft inside out. which protocols came after them?")]
    [InlineData("went through the gfs and bigtable papers already, where do storage systems go from there?")]
    [InlineData("loved the LSM paper, anything more like it?")]
    [InlineData("something in the same spirit as the end-to-end arguments paper")]
    [InlineData("i read the dynamo paper for a class, which papers answered it")]
    [InlineData("really enjoyed the spanner paper, what next?")]
    [InlineData("our group just did the FLP paper plus the Byzantine generals one. which classic pairs with those next?")]
    [InlineData("read Streaming Systems cover to cover, any advanced follow-ups?")]
    [InlineData("the Chubby paper was great, now I want the ZooKeeper side")]
    [InlineData("read the Cassandra paper. what should I read to understand quorums properly?")]
    [InlineData("people keep sharing the end-to-end arguments paper here; anything in that genre?")]
    [InlineData("read the SWIM paper, what came after it?")]
    public void A_request_that_puts_named_reading_behind_the_writer_is_history(string message) =>
        Assert.True(ReadingHistory.SaysAlreadyRead(TextAnalyzer.Normalize(message)));

    [Theory]
    [InlineData("what should I read next about raft?")]
    [InlineData("which do I read first, DDIA or the raft paper?")]
    [InlineData("read the raft paper")]
    [InlineData("I want to read the spanner paper, any primer before it?")]
    [InlineData("recommend me something on consensus")]
    [InlineData("got a system design round next month, which books?")]
    [InlineData("read the raft paper and tell me what you think")]
    [InlineData("can I read DDIA without a databases background?")]
    [InlineData("I liked the idea of leases, any reading on them?")]
    [InlineData("after a crash, how does a database decide which transactions to redo?")]
    [InlineData("pbft and what came after it")]
    [InlineData("after our etcd leader changed every client reconnected at once, what should we read?")]
    [InlineData("the Lynch book or something else for grad-level theory?")]
    public void A_request_to_read_or_a_plan_to_is_not_history(string message) =>
        Assert.False(ReadingHistory.SaysAlreadyRead(TextAnalyzer.Normalize(message)));
}
