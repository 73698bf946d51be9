namespace LiveCommerce.Tests.RankingSimulation;

/// <summary>The measured quality of one engine's ranking in one run.</summary>
/// <param name="Mode">The engine's mode.</param>
/// <param name="Elapsed">How long the run took.</param>
/// <param name="Rounds">Expected clicks round by round.</param>
/// <param name="AfterWarmUp">Expected clicks over the rounds after the warm-up.</param>
/// <param name="Suggestions">The creator's suggestions after the last round, best first.</param>
/// <param name="BestOnAverage">The products with the highest mean attractiveness, as many as the precision looks at, best first.</param>
/// <param name="Precision">Precision@k of the suggestions against <paramref name="BestOnAverage"/>.</param>
/// <param name="CountPrecision">The same precision of the k products with the highest click rate in the stream's own analytics (a yardstick: what the counts alone would give).</param>
/// <param name="FavouriteOwnPosition">After the warm-up, the mean 1-based position of viewers' favourites in their own lists.</param>
/// <param name="FavouriteOthersPosition">After the warm-up, the mean position of viewers' favourites in other viewers' lists.</param>
/// <param name="Lists">Every list returned.</param>
/// <param name="FloorBrokenLists">Lists with at least one prefix short of local-sme products.</param>
/// <param name="FloorShortPrefixes">All such prefixes over all lists.</param>
/// <param name="LocalExaminationShare">Over every returned list: Σ over local products of 1/log2(1 + position) over Σ of all.</param>
/// <param name="CreatorLocalExaminationShare">The same share of the creator's order.</param>
/// <param name="Counts">The stream's analytics by product.</param>
/// <param name="Samples">The first viewer's lists in the first and the last round, to look at.</param>
/// <param name="Notes">Anything unexpected the run met.</param>
public sealed record ModeMetrics(
    string Mode,
    TimeSpan Elapsed,
    IReadOnlyList<ClickFigures> Rounds,
    ClickFigures AfterWarmUp,
    IReadOnlyList<SuggestionSeen> Suggestions,
    IReadOnlyList<int> BestOnAverage,
    double Precision,
    double CountPrecision,
    double FavouriteOwnPosition,
    double FavouriteOthersPosition,
    int Lists,
    int FloorBrokenLists,
    int FloorShortPrefixes,
    double LocalExaminationShare,
    double CreatorLocalExaminationShare,
    IReadOnlyList<ProductCounts> Counts,
    IReadOnlyList<ShownList> Samples,
    IReadOnlyList<string> Notes);
