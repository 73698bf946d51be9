namespace LiveCommerce.Ranking;

/// <summary>
/// What one viewer did with a product (or a category) when it was in their ranked lists: the examination-weighted
/// impressions (Σ e(k) over the positions it was shown at) and the clicks from the list, both decayed with time by
/// the engine. Their ratio is the viewer's own click rate per look, which <see cref="Features.PersonalEstimate"/>
/// combines with the shared model's estimate.
/// </summary>
/// <param name="Examined">Σ e(k) over the impressions, at least 0.</param>
/// <param name="Clicked">List clicks, at least 0.</param>
public readonly record struct ViewerHistory(double Examined, double Clicked)
{
    /// <summary>Nothing seen, nothing clicked.</summary>
    public static ViewerHistory None => default;

    /// <summary>Adds two histories.</summary>
    /// <param name="left">One history.</param>
    /// <param name="right">Another.</param>
    /// <returns>The sum.</returns>
    public static ViewerHistory operator +(ViewerHistory left, ViewerHistory right) =>
        new(left.Examined + right.Examined, left.Clicked + right.Clicked);

    /// <summary>Adds two histories (the named form of <c>+</c>).</summary>
    /// <param name="left">One history.</param>
    /// <param name="right">Another.</param>
    /// <returns>The sum.</returns>
    public static ViewerHistory Add(ViewerHistory left, ViewerHistory right) => left + right;
}
