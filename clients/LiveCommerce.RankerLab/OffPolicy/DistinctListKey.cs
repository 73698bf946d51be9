using LiveCommerce.Ranking;
using LiveCommerce.Ranking.Policy;

namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>
/// What a list's position marginals and reward-model terms depend on: its items, scores, seller kinds, temperature
/// and floor. Lists with equal keys share one marginal computation. <see cref="Hash"/> is a deterministic 64-bit
/// content hash (it also seeds the Monte-Carlo draws, so results do not depend on the order of the logs).
/// </summary>
internal sealed class DistinctListKey : IEquatable<DistinctListKey>
{
    public DistinctListKey(PreparedList list)
    {
        List = list;
        var hash = 0x243F6A8885A308D3UL;
        hash = Add(hash, (ulong)list.Length);
        hash = Add(hash, BitConverter.DoubleToUInt64Bits(list.Temperature));
        hash = Add(hash, BitConverter.DoubleToUInt64Bits(list.Floor));
        for (var i = 0; i < list.Length; i++)
        {
            hash = Add(hash, (ulong)list.Items[i]);
            hash = Add(hash, BitConverter.DoubleToUInt64Bits(list.Scores[i]));
            hash = Add(hash, (ulong)list.Kinds[i]);
        }

        Hash = hash;
    }

    /// <summary>The first list seen with this key.</summary>
    public PreparedList List { get; }

    public ulong Hash { get; }

    public bool Equals(DistinctListKey? other)
    {
        if (other is null || other.Hash != Hash || other.List.Length != List.Length
            || other.List.Temperature.CompareTo(List.Temperature) != 0 || other.List.Floor.CompareTo(List.Floor) != 0)
        {
            return false;
        }

        return other.List.Items.AsSpan().SequenceEqual(List.Items)
            && other.List.Kinds.AsSpan().SequenceEqual(List.Kinds)
            && other.List.Scores.AsSpan().SequenceEqual(List.Scores);
    }

    public override bool Equals(object? obj) => Equals(obj as DistinctListKey);

    public override int GetHashCode() => (int)Hash ^ (int)(Hash >> 32);

    private static ulong Add(ulong hash, ulong value) => ListSeed.Mix(hash ^ ListSeed.Mix(value + 0x9E3779B97F4A7C15UL));
}
