namespace LiveCommerce.Silo.Demo;

/// <summary>The demo data seeded for a first run (configuration section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Demo";

    /// <summary>Whether to seed the demo seller, creator, catalog and live stream. Default false; true in appsettings.Development.json.</summary>
    public bool Seed { get; set; }

    /// <summary>The demo stream's id. Default <c>demo</c>.</summary>
    public string StreamId { get; set; } = "demo";

    /// <summary>The demo seller's <c>sub</c>. Default <c>demo-seller</c>.</summary>
    public string SellerId { get; set; } = "demo-seller";

    /// <summary>The demo creator's <c>sub</c>. Default <c>demo-creator</c>.</summary>
    public string CreatorId { get; set; } = "demo-creator";
}
