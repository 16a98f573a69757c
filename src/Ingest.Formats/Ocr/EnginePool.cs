namespace Ingest.Formats.Ocr;

/// <summary>Which engine a page needs: the library it comes from (null: the default names) and the language it is initialised for.</summary>
internal readonly record struct EngineKey(string? LibraryPath, string Language);

/// <summary>
/// The process-wide limit on pages being recognised at once, and the in-process engines that
/// recognise them. A page holds one of <see cref="Capacity"/> slots while it is recognised, by an
/// engine or by a tesseract process; files are read in parallel and each reads its pages in
/// parallel, so a limit per file alone would start cores × cores recognisers, each slower than
/// alone and all holding a page image.
/// <para>
/// Engines are created on demand, at most one per slot, and reused page after page and file after
/// file, so each loads its language model once. They are kept for the life of the process and
/// never disposed at exit: deleting one while a page that was being cancelled is still inside it
/// would crash the process as it ends, and an engine holds only memory (the model and a page's
/// working data, which Clear drops between pages), which the system reclaims at exit. Their number
/// is bounded by the slots, so the memory is too.
/// </para>
/// </summary>
internal sealed class EnginePool
{
    private readonly Func<EngineKey, IOcrEngine?> _create;

    private readonly SemaphoreSlim _slots;

    private readonly Lock _lock = new();

    private readonly List<(EngineKey Key, IOcrEngine Engine)> _idle = [];

    /// <summary>Keys whose engine could not be created (no library, no language data): not tried again.</summary>
    private readonly HashSet<EngineKey> _unavailable = [];

    private int _engines;

    public EnginePool(int capacity, Func<EngineKey, IOcrEngine?> create)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(create);
        Capacity = capacity;
        _create = create;
        _slots = new SemaphoreSlim(capacity, capacity);
    }

    /// <summary>The pool of the process: one slot per core, engines over the default library lookup or a configured one.</summary>
    public static EnginePool Shared { get; } = new(Environment.ProcessorCount, key => TesseractEngine.Create(key.LibraryPath, key.Language));

    /// <summary>Pages that may be recognised at once, and the most engines that ever exist.</summary>
    public int Capacity { get; }

    /// <summary>Engines in existence, idle or in use.</summary>
    public int EngineCount
    {
        get
        {
            lock (_lock)
            {
                return _engines;
            }
        }
    }

    /// <summary>
    /// Waits for a slot, then hands out an engine for <paramref name="key"/>: an idle one if there
    /// is one, else a new one. The lease's engine is null when <paramref name="key"/> is null (the
    /// caller runs the tesseract command in the slot) or when no engine can be made for the key.
    /// Dispose the lease to give the slot, and the engine, back.
    /// </summary>
    public EngineLease Rent(EngineKey? key, CancellationToken cancellationToken)
    {
        _slots.Wait(cancellationToken);
        try
        {
            return new EngineLease(this, key, key is { } k ? Take(k) : null);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private IOcrEngine? Take(EngineKey key)
    {
        IOcrEngine? evicted = null;
        lock (_lock)
        {
            if (_unavailable.Contains(key))
            {
                return null;
            }

            var index = _idle.FindIndex(e => e.Key == key);
            if (index >= 0)
            {
                var engine = _idle[index].Engine;
                _idle.RemoveAt(index);
                return engine;
            }

            // Engines in use are fewer than the slots (this caller holds one and has none), so
            // when the pool is full an idle engine of another key exists to make room.
            if (_engines == Capacity && _idle.Count > 0)
            {
                evicted = _idle[0].Engine;
                _idle.RemoveAt(0);
                _engines--;
            }

            _engines++;
        }

        evicted?.Dispose();
        IOcrEngine? created = null;
        try
        {
            created = _create(key);
        }
        finally
        {
            if (created is null)
            {
                lock (_lock)
                {
                    _engines--;
                    _unavailable.Add(key);
                }
            }
        }

        return created;
    }

    private void Return(EngineKey? key, IOcrEngine? engine)
    {
        if (engine is not null && key is { } k)
        {
            lock (_lock)
            {
                _idle.Add((k, engine));
            }
        }

        _slots.Release();
    }

    /// <summary>A slot in the pool, with an engine when one could be had.</summary>
    internal sealed class EngineLease(EnginePool pool, EngineKey? key, IOcrEngine? engine) : IDisposable
    {
        private int _returned;

        /// <summary>The engine to use; null means: run the tesseract command.</summary>
        public IOcrEngine? Engine { get; } = engine;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                pool.Return(key, Engine);
            }
        }
    }
}
