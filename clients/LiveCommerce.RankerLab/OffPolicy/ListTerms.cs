namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>
/// What the estimators need from every list, per target, in flat arrays: the importance weight of each shown
/// position (at <see cref="PreparedList.Offset"/> + k) and the list's IPS, DR and direct-method terms, coverage and
/// floored-propensity count (at <see cref="PreparedList.Index"/>).
/// </summary>
internal sealed class ListTerms
{
    public ListTerms(PreparedList[] lists, int targets)
    {
        var positions = 0;
        foreach (var list in lists)
        {
            list.Offset = positions;
            positions += list.Length;
        }

        Weights = new double[targets][];
        Ips = new double[targets][];
        Dr = new double[targets][];
        DirectMethod = new double[targets][];
        Coverage = new double[targets][];
        Floored = new int[targets][];
        for (var t = 0; t < targets; t++)
        {
            Weights[t] = new double[positions];
            Ips[t] = new double[lists.Length];
            Dr[t] = new double[lists.Length];
            DirectMethod[t] = new double[lists.Length];
            Coverage[t] = new double[lists.Length];
            Floored[t] = new int[lists.Length];
        }
    }

    /// <summary>Importance weight by (list offset + position), per target.</summary>
    public double[][] Weights { get; }

    /// <summary>Σₖ w·y by list, per target.</summary>
    public double[][] Ips { get; }

    /// <summary>The doubly robust value by list, per target.</summary>
    public double[][] Dr { get; }

    /// <summary>The direct-method value by list, per target.</summary>
    public double[][] DirectMethod { get; }

    /// <summary>Target probability mass on pairs the logging policy supports (÷ n) by list, per target.</summary>
    public double[][] Coverage { get; }

    /// <summary>Propensities raised from 0 to 1/samples by list, per target.</summary>
    public int[][] Floored { get; }
}
