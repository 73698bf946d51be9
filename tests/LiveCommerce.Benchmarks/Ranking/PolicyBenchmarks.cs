using BenchmarkDotNet.Attributes;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking;
using LiveCommerce.Ranking.Policy;

namespace LiveCommerce.Benchmarks.Ranking;

/// <summary>
/// The stochastic ranking policy on 500 candidates: a Plackett–Luce draw (with and without the per-step choice
/// probabilities the engine logs), the full policy (draw, then the exposure floor 0.3, with the probabilities by
/// candidate), and the deterministic temperature-0 order. The baseline sorts 500 precomputed scores.
/// </summary>
[MemoryDiagnoser]
public class PolicyBenchmarks
{
    private readonly PlackettLuceSampler _sampler = new();
    private readonly StochasticRankingPolicy _policy = new();
    private double[] _scores = [];
    private double[] _keys = [];
    private SellerKind[] _kinds = [];
    private int[] _order = [];
    private double[] _probabilities = [];
    private ulong _seed;

    [Params(500)]
    public int Candidates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _scores = new double[Candidates];
        _keys = new double[Candidates];
        _kinds = new SellerKind[Candidates];
        for (var i = 0; i < Candidates; i++)
        {
            _scores[i] = random.NextDouble() * 2 - 1;
            _kinds[i] = (SellerKind)random.Next(0, 3);
        }

        _order = new int[Candidates];
        _probabilities = new double[Candidates];
        _sampler.Sample(_scores, 0.5, 1UL, _order, _probabilities);
        _policy.Rank(_scores, _kinds, 0.5, 0.3, 1UL, _order, _probabilities);
    }

    /// <summary>Baseline: sort 500 precomputed scores.</summary>
    [Benchmark(Baseline = true)]
    public int SortScores()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            _keys[i] = -_scores[i];
            _order[i] = i;
        }

        Array.Sort(_keys, _order);
        return _order[0];
    }

    /// <summary>One Plackett–Luce draw of 500 items at temperature 0.5, with the per-step choice probabilities.</summary>
    [Benchmark]
    public int SampleWithProbabilities()
    {
        _sampler.Sample(_scores, 0.5, ++_seed, _order, _probabilities);
        return _order[0];
    }

    /// <summary>One draw, order only (what the Monte-Carlo marginals use per sample).</summary>
    [Benchmark]
    public int SampleOrderOnly()
    {
        _sampler.Sample(_scores, 0.5, ++_seed, _order, default);
        return _order[0];
    }

    /// <summary>The engine's policy: draw, floor 0.3, probabilities by candidate.</summary>
    [Benchmark]
    public int RankStochasticWithFloor()
    {
        _policy.Rank(_scores, _kinds, 0.5, 0.3, ++_seed, _order, _probabilities);
        return _order[0];
    }

    /// <summary>Temperature 0: the deterministic score order (ties by index).</summary>
    [Benchmark]
    public int ScoreOrder()
    {
        _sampler.ScoreOrder(_scores, _order);
        return _order[0];
    }
}
