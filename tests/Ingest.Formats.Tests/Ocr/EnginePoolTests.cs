using Ingest.Formats.Ocr;

namespace Ingest.Formats.Tests.Ocr;

public sealed class EnginePoolTests
{
    private static readonly EngineKey Vietnamese = new(null, "vie");

    [Fact]
    public void Rent_WhenPagesFollowOneAnother_ReusesOneEngine()
    {
        var factory = new FakeEngineFactory();
        var pool = new EnginePool(2, factory.Create);

        var used = new List<IOcrEngine?>();
        for (var page = 0; page < 5; page++)
        {
            using var lease = pool.Rent(Vietnamese, CancellationToken.None);
            used.Add(lease.Engine);
        }

        factory.Created.Should().ContainSingle("the model is loaded once and the engine reused page after page");
        used.Should().AllSatisfy(e => e.Should().BeSameAs(factory.Created[0]));
        factory.Created[0].Disposed.Should().BeFalse();
    }

    [Fact]
    public async Task Rent_WhenMorePagesThanSlotsRunAtOnce_NeverUsesMoreEnginesThanSlots()
    {
        var factory = new FakeEngineFactory();
        var pool = new EnginePool(2, factory.Create);
        var image = new GreyImage([0], 0, 1, 1);

        var pages = Enumerable.Range(0, 12).Select(_ => Task.Run(() =>
        {
            using var lease = pool.Rent(Vietnamese, CancellationToken.None);
            lease.Engine!.Recognize(image, 6, TimeSpan.FromMinutes(1), CancellationToken.None);
        }));
        await Task.WhenAll(pages);

        factory.Created.Count.Should().BeInRange(1, 2);
        pool.EngineCount.Should().Be(factory.Created.Count);
        factory.MostAtOnce.Should().BeInRange(1, 2, "a page waits for a slot when every core is recognising one");
        factory.Created.Sum(e => e.Pages).Should().Be(12);
        factory.Created.Should().NotContain(e => e.SharedBetweenThreads, "an engine serves one page at a time");
    }

    [Fact]
    public void Rent_WhenEngineCannotBeCreated_GivesSlotWithoutEngineAndDoesNotTryAgain()
    {
        var attempts = 0;
        var pool = new EnginePool(2, _ =>
        {
            attempts++;
            return null;
        });

        using (var first = pool.Rent(Vietnamese, CancellationToken.None))
        {
            first.Engine.Should().BeNull("the caller then runs the tesseract command");
        }

        using (var second = pool.Rent(Vietnamese, CancellationToken.None))
        {
            second.Engine.Should().BeNull();
        }

        attempts.Should().Be(1, "a failed load or Init is remembered, not repeated for every page");
        pool.EngineCount.Should().Be(0);
    }

    [Fact]
    public void Rent_WhenKeyIsNull_GivesSlotWithoutCreatingAnEngine()
    {
        var factory = new FakeEngineFactory();
        var pool = new EnginePool(1, factory.Create);

        using (var lease = pool.Rent(null, CancellationToken.None))
        {
            lease.Engine.Should().BeNull();
        }

        // The slot came back: with one slot, a second lease would otherwise wait for ever.
        using var next = pool.Rent(Vietnamese, CancellationToken.None);
        next.Engine.Should().NotBeNull();
        factory.Created.Should().ContainSingle();
    }

    [Fact]
    public void Rent_WhenEverySlotIsTakenAndTokenIsCancelled_Throws()
    {
        var pool = new EnginePool(1, new FakeEngineFactory().Create);
        using var held = pool.Rent(Vietnamese, CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var waiting = () => pool.Rent(Vietnamese, cancelled.Token);

        waiting.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Rent_WhenPoolIsFullOfEnginesForAnotherLanguage_ReplacesAnIdleOne()
    {
        var factory = new FakeEngineFactory();
        var pool = new EnginePool(1, factory.Create);
        using (pool.Rent(Vietnamese, CancellationToken.None))
        {
        }

        using var english = pool.Rent(new EngineKey(null, "eng"), CancellationToken.None);

        factory.Created.Should().HaveCount(2);
        factory.Created[0].Disposed.Should().BeTrue("only one engine per slot may exist");
        english.Engine.Should().BeSameAs(factory.Created[1]);
        pool.EngineCount.Should().Be(1);
    }

    private sealed class FakeEngineFactory
    {
        private readonly Lock _lock = new();

        private int _running;

        public List<FakeEngine> Created { get; } = [];

        public int MostAtOnce { get; private set; }

        public IOcrEngine? Create(EngineKey key)
        {
            lock (_lock)
            {
                var engine = new FakeEngine(this);
                Created.Add(engine);
                return engine;
            }
        }

        public void Enter()
        {
            lock (_lock)
            {
                _running++;
                MostAtOnce = Math.Max(MostAtOnce, _running);
            }
        }

        public void Leave()
        {
            lock (_lock)
            {
                _running--;
            }
        }
    }

    private sealed class FakeEngine(FakeEngineFactory factory) : IOcrEngine
    {
        private int _inUse;

        public int Pages { get; private set; }

        public bool SharedBetweenThreads { get; private set; }

        public bool Disposed { get; private set; }

        public EngineOutcome Recognize(GreyImage image, int pageSegmentationMode, TimeSpan timeout, CancellationToken cancellationToken)
        {
            factory.Enter();
            SharedBetweenThreads |= Interlocked.Exchange(ref _inUse, 1) == 1;
            try
            {
                // Long enough for the other tasks to pile up on the slots.
                Thread.Sleep(20);
                Pages++;
                return new EngineOutcome(TesseractEngine.TsvHeader, false, null);
            }
            finally
            {
                Interlocked.Exchange(ref _inUse, 0);
                factory.Leave();
            }
        }

        public void Dispose() => Disposed = true;
    }
}
