namespace LiveCommerce.BrowserTests.Infrastructure;

/// <summary>The browser tests share one engine and one browser, and run one at a time (timings stay honest).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "browser";
}
