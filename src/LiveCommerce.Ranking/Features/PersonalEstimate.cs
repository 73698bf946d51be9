namespace LiveCommerce.Ranking.Features;

/// <summary>
/// The viewer's own evidence on top of the shared model. The model's mean μ is a click rate per look for an average
/// viewer; each viewer's history updates it as a Beta–Binomial prior would: first the category, by how much more (or
/// less) the viewer clicks in it than in all their lists, then the product itself:
/// <c>p = (κₚ · μ · lift + clicks) / (κₚ + looks)</c>, with
/// <c>lift = ((clicks_c + κ_c · r) / (looks_c + κ_c)) / r</c> and r the viewer's own overall click rate per look.
/// A product the viewer keeps opening rises above the crowd's favourites, one they were shown many times and never
/// opened sinks, and a viewer with no history gets exactly μ. The result is a shift added to the ranking score, in the
/// same unit (click rate per look).
/// </summary>
public static class PersonalEstimate
{
    /// <summary>κₚ: how many looks the model's estimate is worth against the viewer's own on one product.</summary>
    public const double ProductPriorLooks = 3.0;

    /// <summary>κ_c: how many looks the viewer's overall rate is worth against their rate in one category.</summary>
    public const double CategoryPriorLooks = 5.0;

    /// <summary>The category lift is kept within [1/MaxLift, MaxLift].</summary>
    public const double MaxLift = 4.0;

    /// <summary>The viewer's overall rate is shrunk towards μ with this many looks.</summary>
    public const double OverallPriorLooks = 5.0;

    /// <summary>The personal estimate minus <paramref name="mean"/>: 0 for a viewer without history.</summary>
    /// <param name="mean">The shared model's click rate per look for this product (clamped to [0, 1]).</param>
    /// <param name="product">The viewer's history with the product.</param>
    /// <param name="category">The viewer's history with the product's category.</param>
    /// <param name="overall">The viewer's history over every product.</param>
    /// <returns>The shift, in click rate per look.</returns>
    public static double Shift(double mean, ViewerHistory product, ViewerHistory category, ViewerHistory overall)
    {
        if (!double.IsFinite(mean))
        {
            return 0.0;
        }

        var mu = Math.Clamp(mean, 1e-3, 1.0);
        var lift = 1.0;
        var overallLooks = Math.Max(0.0, overall.Examined);
        if (overallLooks > 0)
        {
            var rate = (Math.Max(0.0, overall.Clicked) + (OverallPriorLooks * mu)) / (overallLooks + OverallPriorLooks);
            var categoryRate = (Math.Max(0.0, category.Clicked) + (CategoryPriorLooks * rate)) / (Math.Max(0.0, category.Examined) + CategoryPriorLooks);
            lift = Math.Clamp(categoryRate / rate, 1.0 / MaxLift, MaxLift);
        }

        var personal = ((ProductPriorLooks * Math.Min(1.0, mu * lift)) + Math.Max(0.0, product.Clicked))
            / (ProductPriorLooks + Math.Max(0.0, product.Examined));
        var shift = Math.Min(1.0, personal) - mu;
        return double.IsFinite(shift) ? shift : 0.0;
    }
}
