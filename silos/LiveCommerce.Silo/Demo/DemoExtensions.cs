namespace LiveCommerce.Silo.Demo;

/// <summary>Registers the demo seeder when <c>Demo:Seed</c> is true.</summary>
public static class DemoExtensions
{
    /// <summary>Adds the demo seeder if configured.</summary>
    public static WebApplicationBuilder AddLiveDemo(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DemoOptions.Section);
        builder.Services.Configure<DemoOptions>(section);
        if (section.GetValue<bool>(nameof(DemoOptions.Seed)))
        {
            builder.Services.AddHostedService<DemoSeeder>();
        }

        return builder;
    }
}
