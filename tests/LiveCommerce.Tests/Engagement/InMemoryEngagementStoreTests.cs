using LiveCommerce.Engagement;
using LiveCommerce.Engagement.Storage;

namespace LiveCommerce.Tests.Engagement;

/// <summary>The store contract against the embedded default's in-process store.</summary>
public sealed class InMemoryEngagementStoreTests : EngagementStoreContract
{
    /// <inheritdoc />
    protected override IEngagementStore Store { get; } = new InMemoryEngagementStore(Options);
}
