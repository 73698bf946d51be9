namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>Aggregated logs of one (item, position) pair: how often the item was shown there and how often that led to the outcome.</summary>
/// <param name="Item">The item's index in the model.</param>
/// <param name="Position">The 0-based shown position.</param>
/// <param name="Shown">Times shown at that position.</param>
/// <param name="Outcomes">Times clicked (or added to cart) at that position.</param>
public readonly record struct ClickCell(int Item, int Position, double Shown, double Outcomes);
