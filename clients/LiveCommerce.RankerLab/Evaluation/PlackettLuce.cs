namespace LiveCommerce.RankerLab.Evaluation;

/// <summary>
/// Exact slot marginals of a Plackett–Luce ranking (items drawn without replacement, each with probability
/// proportional to its weight among those left): P(item k lands in slot 1, 2, 3).
/// </summary>
public static class PlackettLuce
{
    /// <summary>Slot marginals for the first three slots.</summary>
    /// <param name="weights">Positive weights, one per item.</param>
    /// <returns>[slot][item] probabilities; each slot row sums to 1.</returns>
    public static double[][] TopThreeMarginals(IReadOnlyList<double> weights)
    {
        var n = weights.Count;
        var total = weights.Sum();
        var first = new double[n];
        var second = new double[n];
        var third = new double[n];
        for (var i = 0; i < n; i++)
        {
            var pi = weights[i] / total;
            first[i] += pi;
            var restI = total - weights[i];
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var pj = pi * weights[j] / restI;
                second[j] += pj;
                var restIj = restI - weights[j];
                if (restIj <= 0)
                {
                    continue;
                }

                for (var k = 0; k < n; k++)
                {
                    if (k != i && k != j)
                    {
                        third[k] += pj * weights[k] / restIj;
                    }
                }
            }
        }

        return [first, second, third];
    }
}
