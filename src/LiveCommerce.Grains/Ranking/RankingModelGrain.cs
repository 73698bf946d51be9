using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Ranking;
using LiveCommerce.Ranking.Bandit;
using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Grains.Ranking;

/// <inheritdoc cref="IRankingModelGrain" />
/// <remarks>
/// A batch adds Σ x·xᵀ to A and Σ r·x to b, which is exactly what the observations one by one would have added;
/// A⁻¹ is then recomputed from A (d = 12, so this is cheap) and the model stored before the call returns.
/// </remarks>
public sealed class RankingModelGrain(
    [PersistentState("ranking-model")] IPersistentState<RankingModelState> state) : Grain, IRankingModelGrain
{
    /// <inheritdoc />
    public Task<RankingModelSnapshot> GetAsync() => Task.FromResult(state.State.Model ?? Export(new LinUcbModel(), 0));

    /// <inheritdoc />
    public async Task<RankingModelSnapshot> ApplyAsync(RankingModelDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var d = FeatureLayout.Dimension;
        if (delta.Dimension != d || delta.Design.Length != d * d || delta.Response.Length != d || delta.Observations < 0)
        {
            throw LiveCommerceException.Invalid($"A ranking model batch must have dimension {d}.");
        }

        if (delta.Observations == 0 || !delta.Design.All(double.IsFinite) || !delta.Response.All(double.IsFinite))
        {
            return await GetAsync();
        }

        var current = state.State.Model is { Dimension: > 0 } stored ? ToLibrary(stored) : new LinUcbModel().ExportSnapshot();
        var design = (double[])current.DesignMatrix.Clone();
        var response = (double[])current.Response.Clone();
        for (var i = 0; i < design.Length; i++)
        {
            design[i] += delta.Design[i];
        }

        for (var i = 0; i < response.Length; i++)
        {
            response[i] += delta.Response[i];
        }

        var model = LinUcbModel.Import(current with
        {
            DesignMatrix = design,
            Response = response,
            InverseDesignMatrix = [],
            UpdateCount = current.UpdateCount + delta.Observations,
        });
        state.State.Model = Export(model, (state.State.Model?.Version ?? 0) + 1);
        await state.WriteStateAsync();
        return state.State.Model;
    }

    /// <summary>Converts a stored snapshot to the ranking library's.</summary>
    /// <param name="snapshot">The stored snapshot.</param>
    /// <returns>The library snapshot.</returns>
    public static LinUcbSnapshot ToLibrary(RankingModelSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new LinUcbSnapshot
        {
            Dimension = snapshot.Dimension,
            Alpha = snapshot.Alpha,
            Ridge = snapshot.Ridge,
            UpdateCount = snapshot.UpdateCount,
            DesignMatrix = snapshot.DesignMatrix,
            InverseDesignMatrix = snapshot.InverseDesignMatrix,
            Response = snapshot.Response,
        };
    }

    private static RankingModelSnapshot Export(LinUcbModel model, long version)
    {
        var snapshot = model.ExportSnapshot();
        return new RankingModelSnapshot
        {
            Dimension = snapshot.Dimension,
            Alpha = snapshot.Alpha,
            Ridge = snapshot.Ridge,
            UpdateCount = snapshot.UpdateCount,
            DesignMatrix = snapshot.DesignMatrix,
            InverseDesignMatrix = snapshot.InverseDesignMatrix,
            Response = snapshot.Response,
            Version = version,
        };
    }
}
