namespace LiveCommerce.Ranking;

/// <summary>
/// The reward the bandit learns from, for one impression's outcome. The deepest step of the funnel
/// the viewer reached counts: nothing 0, opened the card 0.25, added to cart 0.6, bought 1.
/// Only list clicks count, and a cart or a purchase counts only for a product the viewer opened from the list. The
/// engine folds each list impression in once its episode is over (see docs/ranker.md), with reward 0 when nothing came of it.
/// </summary>
public static class EngagementReward
{
    /// <summary>Reward of an impression that led to nothing.</summary>
    public const double None = 0.0;

    /// <summary>Reward of an impression whose product card was opened.</summary>
    public const double Click = 0.25;

    /// <summary>Reward of an impression that led to an add-to-cart.</summary>
    public const double AddToCart = 0.6;

    /// <summary>Reward of an impression that led to a purchase.</summary>
    public const double Purchase = 1.0;

    /// <summary>The reward of the deepest funnel step reached.</summary>
    /// <param name="clicked">The card was opened.</param>
    /// <param name="addedToCart">The product was added to the cart.</param>
    /// <param name="purchased">The product was bought.</param>
    /// <returns>A reward in [0, 1].</returns>
    public static double For(bool clicked, bool addedToCart = false, bool purchased = false) =>
        purchased ? Purchase : addedToCart ? AddToCart : clicked ? Click : None;
}
