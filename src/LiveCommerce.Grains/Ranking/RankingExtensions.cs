using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiveCommerce.Grains.Ranking;

/// <summary>Registers the ranker in the engine.</summary>
public static class RankingExtensions
{
    /// <summary>
    /// Adds the <c>Ranking</c> settings (validated at start: <c>Ranking:LocalSellerExposureFloor</c> must be 0 to 1),
    /// the model grain's half-life, the candidate source, this silo's copy of the shared model, the online feedback,
    /// the model sync, and the ranking facade. Needs the engagement store and an Orleans client (the silo's).
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddLiveRanking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RankingOptions>()
            .Bind(builder.Configuration.GetSection(RankingOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.CandidateCacheDuration >= TimeSpan.Zero && o.SyncInterval > TimeSpan.Zero && o.ListLifetime > TimeSpan.Zero,
                "Ranking: CandidateCacheDuration must not be negative; SyncInterval and ListLifetime must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<RankingModelOptions>()
            .Bind(builder.Configuration.GetSection(RankingModelOptions.Section))
            .Validate(o => o.ModelHalfLife > TimeSpan.Zero, "Ranking:ModelHalfLife must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CandidateSource>();
        builder.Services.AddSingleton<SharedRankingModel>();
        builder.Services.AddSingleton<RankingFeedback>();
        builder.Services.AddSingleton<StreamRanking>();
        builder.Services.AddSingleton<RankingLog>();
        builder.Services.AddHostedService<RankingLogWriter>();
        builder.Services.AddSingleton<RankingSync>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RankingSync>());
        return builder;
    }
}
