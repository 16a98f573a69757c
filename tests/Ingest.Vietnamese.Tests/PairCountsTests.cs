namespace Ingest.Vietnamese.Tests;

public class PairCountsTests
{
    [Fact]
    public void Add_WhenKeysCollideInLongHashCode_KeepsEveryCountApart()
    {
        // (a, b) and (b, a) share long.GetHashCode; so do all pairs whose ids xor to the same value.
        var table = new PairCounts();
        table.Add(SyllableLexicon.PairKey(3, 5));
        table.Add(SyllableLexicon.PairKey(5, 3), 7);
        table.Add(SyllableLexicon.PairKey(6, 0), 2);
        table.Add(SyllableLexicon.PairKey(3, 5));

        table.Get(SyllableLexicon.PairKey(3, 5)).Should().Be(2);
        table.Get(SyllableLexicon.PairKey(5, 3)).Should().Be(7);
        table.Get(SyllableLexicon.PairKey(6, 0)).Should().Be(2);
        table.Get(SyllableLexicon.PairKey(0, 6)).Should().Be(0);
        table.Count.Should().Be(3);
    }

    [Fact]
    public void Add_WhenKeyIsZero_CountsIt()
    {
        var table = new PairCounts();
        table.Get(0).Should().Be(0);

        table.Add(0);

        table.Get(0).Should().Be(1);
        table.Entries().Should().Equal((0L, 1));
    }

    [Fact]
    public void Add_WhenManyKeysArrive_GrowsAndAgreesWithADictionary()
    {
        var random = new Random(20261124);
        var table = new PairCounts(4);
        var expected = new Dictionary<long, int>();
        for (var i = 0; i < 50_000; i++)
        {
            var key = SyllableLexicon.PairKey(random.Next(300), random.Next(300));
            table.Add(key);
            expected[key] = expected.GetValueOrDefault(key) + 1;
        }

        table.Count.Should().Be(expected.Count);
        table.Entries().Order().Should().Equal(expected.Select(p => (p.Key, p.Value)).Order());
        for (var i = 0; i < 2_000; i++)
        {
            var key = SyllableLexicon.PairKey(random.Next(400), random.Next(400));
            table.Get(key).Should().Be(expected.GetValueOrDefault(key), "key {0}", key);
        }
    }

    [Fact]
    public void Reset_AfterALargerDocument_ForgetsEveryKey()
    {
        var table = new PairCounts();
        for (var i = 0; i < 10_000; i++)
        {
            table.Add(i * 7919L);
        }

        table.Reset(10);
        table.Add(5);

        table.Count.Should().Be(1);
        table.Get(7919).Should().Be(0);
        table.Get(5).Should().Be(1);
        table.Entries().Should().Equal((5L, 1));
    }

    [Fact]
    public void PairTable_WhenBuiltFromCounts_AnswersAsTheCountsDo()
    {
        var random = new Random(7);
        var counts = new PairCounts();
        for (var i = 0; i < 20_000; i++)
        {
            counts.Add(SyllableLexicon.PairKey(random.Next(500), random.Next(500)), random.Next(1, 4));
        }

        counts.Add(SyllableLexicon.PairKey(PairTable.MaxId, PairTable.MaxId), 9);
        var table = new PairTable(counts);

        for (var first = 0; first < 520; first += 3)
        {
            for (var second = 0; second < 520; second += 7)
            {
                table.Get(first, second).Should().Be(counts.Get(SyllableLexicon.PairKey(first, second)));
            }
        }

        table.Get(PairTable.MaxId, PairTable.MaxId).Should().Be(9);
        table.Get(PairTable.MaxId + 1, 0).Should().Be(0);
        table.Get(-1, 3).Should().Be(0);
    }

    [Fact]
    public void PairTable_WhenAnIdIsTooLarge_Throws()
    {
        var counts = new PairCounts();
        counts.Add(SyllableLexicon.PairKey(PairTable.MaxId + 1, 0));

        var build = () => new PairTable(counts);

        build.Should().Throw<ArgumentOutOfRangeException>();
    }
}
