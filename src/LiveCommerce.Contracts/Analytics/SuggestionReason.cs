namespace LiveCommerce.Contracts.Analytics;

/// <summary>One reason of a pin suggestion, typed: <c>{kind, text}</c>.</summary>
/// <param name="Kind">
/// What the reason rests on: <c>click-rate</c>, <c>cart-rate</c>, <c>sales</c>, <c>trend</c>, <c>pin</c>,
/// <c>local-seller</c>, <c>low-stock</c>, <c>exploring</c> or <c>steady</c>.
/// </param>
/// <param name="Text">The sentence, as in <see cref="PinSuggestion.Reasons"/>.</param>
public sealed record SuggestionReason(string Kind, string Text);
