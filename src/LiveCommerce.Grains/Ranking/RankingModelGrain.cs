using LiveCommerce.Grains.Storage;
using LiveCommerce.Ranking.Bandit;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Grains.Ranking;

/// <inheritdoc cref="IRankingModelGrain" />
/// <remarks>
/// A thin shell over <see cref="RankingModelBook"/>: the new state is computed aside, stored, and only then answered.
/// When the write fails the grain reloads what storage holds (the old model, or the new one if the write landed after
/// all), so a batch is never counted twice and a retry of it is recognised either way.
/// </remarks>
public sealed class RankingModelGrain(
    [PersistentState("ranking-model")] IPersistentState<RankingModelState> state,
    IOptions<RankingModelOptions> options,
    TimeProvider time) : Grain, IRankingModelGrain
{
    /// <inheritdoc />
    public Task<LinUcbSnapshot> GetAsync() => Task.FromResult(RankingModelBook.Snapshot(state.State));

    /// <inheritdoc />
    public async Task<LinUcbSnapshot> ApplyAsync(RankingModelDelta delta)
    {
        RankingModelBook.Validate(delta);
        if (delta.Observations == 0 || RankingModelBook.AlreadyTaken(state.State, delta))
        {
            return RankingModelBook.Snapshot(state.State);
        }

        state.State = RankingModelBook.Take(state.State, delta, time.GetUtcNow(), options.Value.ModelHalfLife);
        await state.WriteOrReloadAsync(this);
        return RankingModelBook.Snapshot(state.State);
    }
}
