using CsCheck;
using LiveCommerce.Grains.Offers;

namespace LiveCommerce.Tests.Model;

/// <summary>
/// <see cref="HoldLog"/> on its own, against a reference that keeps a copy of every hold: holds are made and
/// changed while seals start, have their pages stored (or fail to), commit or are dropped, the head is "written"
/// (copied) and the process "crashes" back to the last written head. Whatever the order, the last written head
/// and the pages it names replay to exactly the holds the reference had when that head was written.
/// </summary>
public sealed class HoldLogModelTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Replaying_the_pages_and_the_head_always_gives_the_holds_of_the_last_head_written()
    {
        var step = Gen.Frequency(
            (6, Gen.Const(new ModelStep("new"))),
            (6, Gen.Select(Gen.Int[0, 30], Gen.Int[0, 4]).Select((h, how) => new ModelStep("change", h, how))),
            (3, Gen.Const(new ModelStep("begin"))),
            (3, Gen.Int[0, 3].Select(fail => new ModelStep("pages", fail))),
            (3, Gen.Const(new ModelStep("commit"))),
            (4, Gen.Const(new ModelStep("write"))),
            (1, Gen.Const(new ModelStep("crash"))));
        var gen = Gen.Select(Gen.Int[1, 4], step.Array[1, 80]);

        gen.Sample(
            (pageSize, steps) => Check(pageSize, steps),
            seed: ModelRuns.Seed,
            iter: ModelRuns.LedgerIterations,
            print: t => $"page size {t.Item1}{Environment.NewLine}{ModelStep.Print(t.Item2)}");
    }

    [Fact]
    public void A_long_life_of_changes_is_compacted_to_about_as_many_versions_as_holds()
    {
        var run = new LogRun(pageSize: 4);
        for (var i = 0; i < 2_000; i++)
        {
            if (i % 3 == 0 || run.All.Count == 0)
            {
                run.New();
            }
            else
            {
                run.Change(i % run.All.Count, i % 5);
            }

            run.SealIfDue();
            run.Write();
            Assert.True(run.State.Recent.Count < 2 * run.Log.PageSize, $"step {i}: {run.State.Recent.Count} holds in the head");
        }

        Assert.True(run.State.PagedEntries <= (2 * run.All.Count) + (2 * run.Log.PageSize), $"{run.State.PagedEntries} paged versions of {run.All.Count} holds");
        run.AssertReplayMatches("end");
    }

    private static void Check(int pageSize, ModelStep[] steps)
    {
        var run = new LogRun(pageSize);
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var context = $"step {i} {step}";
            switch (step.Op)
            {
                case "new":
                    run.New();
                    break;
                case "change" when run.All.Count > 0:
                    run.Change(step.A % run.All.Count, step.B);
                    break;
                case "begin":
                    run.Begin();
                    break;
                case "pages":
                    run.StorePages(fail: step.A == 0);
                    break;
                case "commit":
                    run.Commit();
                    break;
                case "write":
                    run.Write();
                    run.AssertReplayMatches(context);
                    break;
                case "crash":
                    run.Crash();
                    run.AssertReplayMatches(context);
                    break;
            }
        }

        run.Write();
        run.AssertReplayMatches("the end");
    }

    /// <summary>A head, its log, a store of pages (orphans included), and the reference.</summary>
    private sealed class LogRun
    {
        private readonly Dictionary<string, HoldPage> _stored = new(StringComparer.Ordinal);
        private Dictionary<string, Hold> _reference = new(StringComparer.Ordinal);
        private FlashOfferState _writtenHead = new();
        private Dictionary<string, Hold> _writtenReference = new(StringComparer.Ordinal);
        private HoldSeal? _seal;
        private bool _pagesStored;
        private int _next;

        public LogRun(int pageSize)
        {
            Log = new HoldLog(State, pageSize);
        }

        public FlashOfferState State { get; private set; } = new();

        public HoldLog Log { get; private set; }

        public Dictionary<string, Hold> All { get; private set; } = new(StringComparer.Ordinal);

        public void New()
        {
            var id = "h" + _next++;
            var hold = new Hold { ViewerId = "v" + (_next % 7), ExpiresAt = Start.AddSeconds(_next), Status = HoldStatus.Held };
            All[id] = hold;
            Log.Changed(id, hold);
            _reference[id] = HoldLog.Copy(hold);
        }

        public void Change(int index, int how)
        {
            var (id, hold) = All.ElementAt(index);
            switch (how)
            {
                case 0:
                    hold.Status = HoldStatus.Sold;
                    hold.SaleOperation = "attempt" + _next;
                    break;
                case 1:
                    hold.Status = HoldStatus.Held;
                    hold.SaleOperation = null;
                    break;
                case 2:
                    (hold.Cancelled ??= []).Add("attempt" + _next++);
                    break;
                case 3:
                    hold.Status = HoldStatus.Lapsed;
                    break;
                default:
                    hold.Status = HoldStatus.Released;
                    break;
            }

            Log.Changed(id, hold);
            _reference[id] = HoldLog.Copy(hold);
        }

        public void Begin()
        {
            if (Log.NeedsSeal)
            {
                _seal = Log.BeginSeal(All);
                _pagesStored = false;
                Assert.All(_seal.Pages, p => Assert.InRange(p.Value.Holds.Count, 1, Math.Max(Log.PageSize, State.Recent.Count)));
            }
        }

        public void StorePages(bool fail)
        {
            if (_seal is null || _pagesStored)
            {
                return;
            }

            // A failed seal may still have stored some of its pages: they are orphans, never named by a head.
            foreach (var (key, page) in fail ? _seal.Pages.Take(1) : _seal.Pages)
            {
                _stored.Add(key, Serialize(page));
            }

            if (fail)
            {
                Log.Abandon(_seal);
                _seal = null;
            }
            else
            {
                _pagesStored = true;
            }
        }

        public void Commit()
        {
            if (_seal is not null && _pagesStored)
            {
                Log.Commit(_seal);
                _seal = null;
            }
        }

        public void SealIfDue()
        {
            Begin();
            StorePages(fail: false);
            Commit();
        }

        /// <summary>A head write: what storage now holds is a copy of the head, as it is now.</summary>
        public void Write()
        {
            _writtenHead = Serialize(State);
            _writtenReference = _reference.ToDictionary(h => h.Key, h => HoldLog.Copy(h.Value), StringComparer.Ordinal);
        }

        /// <summary>The process dies: a new activation reads the last written head and its pages; a seal in progress is lost.</summary>
        public void Crash()
        {
            State = Serialize(_writtenHead);
            All = HoldLog.Replay(Chain(State), State);
            Log = new HoldLog(State, Log.PageSize);
            _reference = _writtenReference.ToDictionary(h => h.Key, h => HoldLog.Copy(h.Value), StringComparer.Ordinal);
            _seal = null;
        }

        public void AssertReplayMatches(string context)
        {
            var replayed = HoldLog.Replay(Chain(_writtenHead), Serialize(_writtenHead));
            Assert.True(replayed.Count == _writtenReference.Count, $"{context}: replayed {replayed.Count} holds, reference {_writtenReference.Count}");
            foreach (var (id, expected) in _writtenReference)
            {
                Assert.True(replayed.TryGetValue(id, out var actual), $"{context}: hold {id} is missing from the replay");
                Assert.True(Same(expected, actual), $"{context}: hold {id} replayed as {Print(actual)}, reference {Print(expected)}");
            }
        }

        private List<HoldPage> Chain(FlashOfferState head)
        {
            var chain = new List<HoldPage>();
            for (var key = head.LastPage; key is not null; key = chain[^1].Previous)
            {
                Assert.True(_stored.TryGetValue(key, out var page), $"page {key} named by a head was never stored");
                chain.Add(page);
            }

            Assert.Equal(head.PageCount, chain.Count);
            chain.Reverse();
            return chain;
        }

        private static HoldPage Serialize(HoldPage page) =>
            new() { Previous = page.Previous, Holds = page.Holds.ToDictionary(h => h.Key, h => HoldLog.Copy(h.Value), StringComparer.Ordinal) };

        private static FlashOfferState Serialize(FlashOfferState state) => state with
        {
            Recent = state.Recent.ToDictionary(h => h.Key, h => HoldLog.Copy(h.Value), StringComparer.Ordinal),
        };

        private static bool Same(Hold a, Hold b) =>
            a.ViewerId == b.ViewerId && a.ExpiresAt == b.ExpiresAt && a.Status == b.Status && a.SaleOperation == b.SaleOperation
            && (a.Cancelled ?? []).SequenceEqual(b.Cancelled ?? []);

        private static string Print(Hold h) => $"{h.ViewerId} {h.Status} sale={h.SaleOperation} cancelled=[{string.Join(",", h.Cancelled ?? [])}]";
    }
}
