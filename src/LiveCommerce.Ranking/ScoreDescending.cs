namespace LiveCommerce.Ranking;

/// <summary>Orders candidate indices by score, highest first; ties by lower index, so sorting is deterministic.</summary>
internal readonly struct ScoreDescending(double[] scores) : IComparer<int>
{
    public int Compare(int x, int y)
    {
        var byScore = scores[y].CompareTo(scores[x]);
        return byScore != 0 ? byScore : x.CompareTo(y);
    }
}
