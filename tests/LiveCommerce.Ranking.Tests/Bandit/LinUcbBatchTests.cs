using LiveCommerce.Ranking.Bandit;
using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Ranking.Tests.Bandit;

public sealed class LinUcbBatchTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Batch_scores_are_the_one_vector_scores_bit_for_bit(bool vectors)
    {
        var model = PinnedScenario.Ranker().Model;
        var random = new Random(31);
        var features = new double[FeatureLayout.Dimension];
        for (var trial = 0; trial < 400; trial++)
        {
            var count = random.Next(0, 40);
            var stride = ((count + LinUcbBatch.Lanes - 1) / LinUcbBatch.Lanes * LinUcbBatch.Lanes) + (LinUcbBatch.Lanes * random.Next(0, 2));
            var columns = new double[FeatureLayout.Dimension * stride];
            var active = new List<int>();
            for (var f = 0; f < FeatureLayout.Dimension; f++)
            {
                // Some columns are zero throughout (left out, some of them −0), the others hold features in [−1, 1], now and then NaN.
                var zero = random.Next(0, 3) == 0;
                for (var i = 0; i < stride; i++)
                {
                    columns[(f * stride) + i] = i >= count ? double.NaN
                        : zero ? (random.Next(0, 2) == 0 ? 0.0 : -0.0)
                        : random.Next(0, 60) == 0 ? double.NaN
                        : random.Next(0, 8) == 0 ? 0.0
                        : (random.NextDouble() * 2) - 1;
                }

                if (!zero)
                {
                    active.Add(f);
                }
            }

            var explore = random.Next(0, 3) != 0;
            var scores = new double[stride];
            Assert.True(LinUcbBatch.TryScore(model, columns, stride, count, active.ToArray(), explore, scores, vectors));
            for (var i = 0; i < count; i++)
            {
                for (var f = 0; f < FeatureLayout.Dimension; f++)
                {
                    features[f] = columns[(f * stride) + i];
                }

                Assert.Equal(BitConverter.DoubleToInt64Bits(model.Score(features, explore)), BitConverter.DoubleToInt64Bits(scores[i]));
            }
        }
    }

    [Fact]
    public void A_model_with_huge_entries_is_left_to_the_one_vector_path()
    {
        var snapshot = new LinUcbModel().ExportSnapshot();
        var inverse = (double[])snapshot.InverseDesignMatrix.Clone();
        inverse[3] = 1e200;
        var model = LinUcbModel.Import(snapshot with { InverseDesignMatrix = inverse });
        var columns = new double[FeatureLayout.Dimension * LinUcbBatch.Lanes];
        var scores = new double[LinUcbBatch.Lanes];

        Assert.False(LinUcbBatch.TryScore(model, columns, LinUcbBatch.Lanes, 1, [0, 3], explore: true, scores));
        Assert.True(LinUcbBatch.TryScore(model, columns, LinUcbBatch.Lanes, 1, [0, 1], explore: true, scores));
    }
}
