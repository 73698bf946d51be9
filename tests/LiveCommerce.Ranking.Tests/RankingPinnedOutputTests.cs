using LiveCommerce.Ranking.Policy;

namespace LiveCommerce.Ranking.Tests;

/// <summary>
/// Outputs of <see cref="PinnedScenario"/> captured from the ranker before its scoring path was rewritten for speed:
/// the scores, the orders (deterministic and drawn from a seed, with the exposure floor) and the logged choice
/// probabilities must stay what they were. Orders are compared exactly; scores and probabilities to 1e-12 relative
/// (they are bit-for-bit the same on the machine they were captured on; the bound only leaves room for another
/// CPU's last bit of a logarithm). <see cref="RankingEquivalenceTests"/> checks bit-identity against the scalar
/// reference path on random snapshots.
/// </summary>
public sealed class RankingPinnedOutputTests
{
    private static readonly int[] AnonymousOrder = [8, 12, 7, 37, 27, 2, 18, 45, 6, 58, 26, 42, 44, 25, 13, 0, 14, 20, 29, 10, 35, 32, 16, 56, 21, 51, 24, 34, 22, 40, 49, 15, 47, 52, 38, 48, 4, 57, 39, 19, 31, 43, 28, 59, 36, 53, 33, 11, 3, 30, 50, 17, 5, 9, 55, 1, 23, 54, 41, 46];

    private static readonly int[] AnonymousScoreRanks = [0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 9, 10, 11, 17, 12, 14, 19, 15, 16, 24, 18, 20, 21, 25, 22, 23, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 59, 53, 54, 55, 56, 57, 58];

    private static readonly double[] AnonymousScores = [
        0.29121863964319,
        -0.20054561380404723,
        0.38633433913438675,
        -0.0161876451495794,
        0.12287499621075443,
        -0.09774963200596182,
        0.35787837243623244,
        0.3968770469220919,
        0.4062256404725595,
        double.NegativeInfinity,
        0.17341412911354906,
        0.007272309322702869,
        0.39870230781862026,
        0.3264817677328602,
        0.20293945865855006,
        0.1555007656974382,
        0.19410891688121434,
        -0.06698972877393447,
        0.3757817521725907,
        0.11777236457915614,
        0.28528804562367593,
        0.1761456308069937,
        0.16589999206157457,
        -0.3083307734215412,
        0.17009982578158195,
        0.2524352231722725,
        0.3393339624580809,
        0.38963244370941463,
        0.06906504341808933,
        0.26823090982341335,
        -0.01646578927854433,
        0.1150314864385612,
        0.19780616492482306,
        0.029221510220581056,
        0.16599010560061403,
        0.20889361221631114,
        0.030833001993727488,
        0.390661388874956,
        0.132768155842634,
        0.11815309866436566,
        0.1593637627886107,
        -0.37145475221488344,
        0.33844943029892455,
        0.10244923790088434,
        0.33004172501356477,
        0.3646404976531762,
        -0.37872075416539963,
        0.14450321365094543,
        0.12552531453339386,
        0.15915633321394246,
        -0.042295005550473906,
        0.1758555364430846,
        0.13746160609241534,
        0.030021048297034725,
        -0.3398357140388287,
        -0.18516173760632593,
        0.17214559860528011,
        0.12269557852195961,
        0.3239673033633536,
        0.05993418751511219,
    ];

    private static readonly int[] SampledOrder = [8, 37, 42, 27, 2, 12, 26, 7, 45, 58, 0, 18, 13, 24, 6, 20, 10, 44, 29, 56, 32, 35, 51, 14, 38, 43, 48, 16, 25, 15, 52, 21, 22, 31, 4, 40, 34, 3, 47, 39, 57, 49, 19, 33, 53, 28, 36, 59, 11, 17, 30, 55, 50, 9, 5, 1, 54, 41, 23, 46];

    private static readonly int[] SampledScoreRanks = [0, 4, 9, 5, 3, 1, 10, 2, 7, 12, 14, 6, 11, 25, 8, 15, 22, 13, 16, 27, 21, 18, 24, 20, 32, 41, 35, 19, 17, 31, 34, 23, 29, 36, 39, 26, 28, 48, 33, 37, 38, 30, 40, 44, 46, 42, 45, 43, 47, 51, 49, 53, 50, 59, 52, 54, 56, 57, 55, 58];

    private static readonly double[] PersonalisedScores = [
        0.29121863964319,
        -0.20054561380404723,
        0.39617490210386264,
        0.004550421261436496,
        0.12287499621075443,
        -0.09774963200596182,
        0.35787837243623244,
        0.40173598463602944,
        0.4350816689827419,
        double.NegativeInfinity,
        0.18775672217215356,
        0.017349627503194284,
        0.4082007838399541,
        0.33563294275469563,
        0.20293945865855006,
        0.1555007656974382,
        0.2054356698793543,
        -0.04297235487180122,
        0.3757817521725907,
        0.11777236457915614,
        0.2904405097583309,
        0.1761456308069937,
        0.16589999206157457,
        -0.3083307734215412,
        0.17526693085878858,
        0.25300116565823394,
        0.3393339624580809,
        0.394350378919822,
        0.06906504341808933,
        0.26823090982341335,
        -0.01646578927854433,
        0.13020891522909156,
        0.19780616492482306,
        0.03454073864060347,
        0.16599010560061403,
        0.20889361221631114,
        0.030833001993727488,
        0.39573389003373466,
        0.153585742418218,
        0.12925981572184286,
        0.17490486264462263,
        -0.37145475221488344,
        0.35145429763606034,
        0.10244923790088434,
        0.33004172501356477,
        0.37524996227642315,
        -0.37872075416539963,
        0.1499105350082187,
        0.14419375283239427,
        0.1597124967046154,
        -0.027808215837369303,
        0.1758555364430846,
        0.14899086169710996,
        0.030021048297034725,
        -0.3398357140388287,
        -0.18448788458126972,
        0.17214559860528011,
        0.12326735438603723,
        0.33495663993639174,
        0.05993418751511219,
    ];

    private static readonly double[] SampledChoiceProbabilities = [
        0.03726069497213691,
        0.8946232244134129,
        0.1612659117584342,
        0.0058035298471048515,
        0.06143340559522587,
        0.9240469295167257,
        0.3828845277087398,
        0.31922174089348776,
        0.27288016629583806,
        1,
        0.049859641050563175,
        0.49459363742197643,
        0.2609306022237861,
        0.17875058231031998,
        0.103374357199661,
        0.08016332365487047,
        0.12728262809192387,
        0.2115683408803,
        0.33128438152768186,
        0.4957624073570775,
        0.1119641547356511,
        0.1589426621001965,
        0.14569293393793062,
        0.8565846719675975,
        0.035037835572838814,
        0.48796615470608967,
        0.0614413301749053,
        0.13342311179401373,
        0.3682206775155867,
        0.2707220181079427,
        0.5259793011991262,
        0.06890756303925409,
        0.07020754322721781,
        0.11881237184381321,
        0.2591636775697922,
        0.10005909792544333,
        0.22078344806271283,
        0.08867747482705313,
        0.028678942142192475,
        0.18075516568798525,
        0.245279534086573,
        0.14710046411526026,
        0.03161403678074794,
        0.008989142363966337,
        0.3446056069934286,
        0.23934881473224148,
        1,
        0.2339234638754664,
        0.02617865722717116,
        0.589816170841026,
        0.8451198476717126,
        0.048055051599444364,
        0.07387231745026955,
        0.12021416668803113,
        0.247157717938726,
        0.015575030837704555,
        0.035303761423078825,
        0.18949574470524685,
        0.5956831235773048,
        0.593199354869698,
    ];

    private static readonly int[] SecondSeedOrder = [8, 27, 7, 42, 45, 18, 12, 2, 37, 15, 6, 0, 26, 58, 13, 20, 25, 44, 49, 10, 56, 16, 32, 29, 51, 35, 14, 34, 21, 40, 19, 39, 47, 31, 24, 48, 52, 57, 22, 4, 38, 43, 50, 59, 28, 11, 3, 17, 53, 33, 36, 30, 5, 9, 1, 55, 23, 54, 41, 46];

    private static readonly double[] SecondSeedChoiceProbabilities = [
        0.06158398118271672,
        0.38151105292276893,
        0.20599592515908025,
        0.1254052725573443,
        0.21189365291162696,
        0.8384017894464096,
        0.25070487466121666,
        0.11294544516685574,
        0.29690250878641206,
        1,
        0.044788043956786344,
        0.14789193312481078,
        0.473577641546821,
        0.26144156408087965,
        0.20835525218049963,
        0.002091902362736156,
        0.07584456443067572,
        0.04290281752505462,
        0.10932223290056055,
        0.0410555077635283,
        0.17234162591813434,
        0.13329826975165884,
        0.3871609129334024,
        0.5500120182056468,
        0.23415061026590017,
        0.190116806580564,
        0.22312015864524778,
        0.08561653491841631,
        0.35475238892621197,
        0.43352476385463135,
        0.8684755568583125,
        0.06940804747990105,
        0.06761617165969949,
        0.4493343709074952,
        0.07539272261957307,
        0.18306468164560352,
        0.7426723915134056,
        0.25655055348071987,
        0.5863726691685003,
        0.057312260507387226,
        0.14902981862060974,
        0.5459907559733359,
        0.05051935725620818,
        0.38698451053592564,
        0.5691318655666573,
        0.09735566447041315,
        1,
        0.10270476364087362,
        0.13890403804908086,
        0.017485813782075907,
        0.023115433383776866,
        0.07332130695980973,
        0.18220486785720413,
        0.28603018504463806,
        0.5492540421927943,
        0.9273425889281042,
        0.031544376230225143,
        0.11594927472460598,
        0.34796240875417594,
        0.2195709298064463,
    ];

    private static readonly int[] MeanFloorHalfOrder = [8, 12, 7, 27, 2, 58, 37, 25, 18, 14, 45, 10, 6, 24, 42, 56, 26, 40, 13, 22, 44, 15, 20, 47, 0, 52, 29, 48, 35, 11, 16, 9, 32, 51, 21, 34, 49, 38, 39, 31, 57, 4, 19, 43, 28, 59, 33, 53, 36, 3, 30, 50, 17, 5, 55, 1, 23, 54, 41, 46];

    private static readonly string[] Suggested = ["p8", "p12", "p7", "p27", "p37"];

    private static readonly double[] SuggestedScores = [
        0.39443221375304066,
        0.38830503398936894,
        0.38722066404896993,
        0.3801540824144792,
        0.3796828186222202,
    ];

    private static readonly string[] SuggestedReasonKinds = ["sales|local-seller", "cart-rate|sales|pin|local-seller", "cart-rate|sales|pin", "cart-rate|sales|pin", "cart-rate|sales|pin"];

    [Fact]
    public void Anonymous_ranking_with_the_floor_is_unchanged()
    {
        var ranker = PinnedScenario.Ranker();
        var snapshot = PinnedScenario.Snapshot();
        var context = new RankingContext { LocalSellerExposureFloor = 0.3 };

        for (var call = 0; call < 2; call++)
        {
            var ranked = ranker.Rank(snapshot, context);
            Assert.Equal(AnonymousOrder, ranked.Select(r => r.CandidateIndex));
            Assert.Equal(AnonymousScoreRanks, ranked.Select(r => r.ScoreRank));
            AssertClose(AnonymousScores, ranked.OrderBy(r => r.CandidateIndex).Select(r => r.Score));
            Assert.All(ranked, r => Assert.Equal(1.0, r.ChoiceProbability));
        }
    }

    [Fact]
    public void Sampled_personalised_ranking_reproduces_its_orders_and_probabilities()
    {
        var ranker = PinnedScenario.Ranker();
        var snapshot = PinnedScenario.Snapshot();
        var context = new RankingContext { Viewer = PinnedScenario.Viewer(), LocalSellerExposureFloor = 0.3, Temperature = 0.2, Seed = 0x5EED };

        // The span path first, then the array path, then the span path on a copy of the snapshot.
        var shown = new int[snapshot.Length];
        ranker.Rank(snapshot, context, shown);
        Assert.Equal(SampledOrder, shown);

        var ranked = ranker.Rank(snapshot, context);
        Assert.Equal(SampledOrder, ranked.Select(r => r.CandidateIndex));
        Assert.Equal(SampledScoreRanks, ranked.Select(r => r.ScoreRank));
        AssertClose(PersonalisedScores, ranked.OrderBy(r => r.CandidateIndex).Select(r => r.Score));
        AssertClose(SampledChoiceProbabilities, ranked.OrderBy(r => r.CandidateIndex).Select(r => r.ChoiceProbability));

        Array.Clear(shown);
        ranker.Rank([.. snapshot], context, shown);
        Assert.Equal(SampledOrder, shown);

        var second = ranker.Rank(snapshot, context with { Seed = ListSeed.FromListId("list-42") });
        Assert.Equal(SecondSeedOrder, second.Select(r => r.CandidateIndex));
        AssertClose(PersonalisedScores, second.OrderBy(r => r.CandidateIndex).Select(r => r.Score));
        AssertClose(SecondSeedChoiceProbabilities, second.OrderBy(r => r.CandidateIndex).Select(r => r.ChoiceProbability));
    }

    [Fact]
    public void Mean_ranking_with_a_higher_floor_is_unchanged()
    {
        var ranker = PinnedScenario.Ranker();
        var snapshot = PinnedScenario.Snapshot();
        var shown = new int[snapshot.Length];

        ranker.Rank(snapshot, new RankingContext { Viewer = PinnedScenario.Viewer(), Explore = false, LocalSellerExposureFloor = 0.5 }, shown);

        Assert.Equal(MeanFloorHalfOrder, shown);
    }

    [Fact]
    public void Suggestions_are_unchanged()
    {
        var ranker = PinnedScenario.Ranker();
        var snapshot = PinnedScenario.Snapshot();

        var suggestions = ranker.Suggest(snapshot, 5);

        Assert.Equal(Suggested, suggestions.Select(s => s.ProductId));
        AssertClose(SuggestedScores, suggestions.Select(s => s.Score));
        Assert.Equal(SuggestedReasonKinds, suggestions.Select(s => string.Join("|", s.Reasons.Select(r => r.Kind))));
    }

    private static void AssertClose(IReadOnlyList<double> expected, IEnumerable<double> actual)
    {
        var values = actual.ToArray();
        Assert.Equal(expected.Count, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsInfinity(expected[i]))
            {
                Assert.Equal(expected[i], values[i]);
            }
            else
            {
                Assert.True(Math.Abs(values[i] - expected[i]) <= 1e-12 * Math.Max(1.0, Math.Abs(expected[i])), $"entry {i}: expected {expected[i]:R}, got {values[i]:R}");
            }
        }
    }
}
