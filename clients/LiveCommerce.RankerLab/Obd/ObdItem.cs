namespace LiveCommerce.RankerLab.Obd;

/// <summary>One row of item_context.csv.</summary>
/// <param name="ItemId">Item id (0-based, dense).</param>
/// <param name="NumericFeature">item_feature_0 (numeric, standardised).</param>
/// <param name="Category1">item_feature_1 (hashed category).</param>
/// <param name="Category2">item_feature_2 (hashed category).</param>
/// <param name="Category3">item_feature_3 (hashed category).</param>
public sealed record ObdItem(int ItemId, double NumericFeature, string Category1, string Category2, string Category3);
