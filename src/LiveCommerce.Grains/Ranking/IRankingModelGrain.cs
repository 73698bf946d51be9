using LiveCommerce.Ranking.Bandit;

namespace LiveCommerce.Grains.Ranking;

/// <summary>
/// The ranker's shared LinUCB model, keyed by model name (the engine uses one, <c>global</c>). Every silo reads
/// its snapshot periodically to score, and sends what it learned as a batch of sufficient statistics; the grain
/// folds the batches in and persists the model, so all silos rank with the same, continually learning model and
/// it survives restarts.
/// </summary>
[Alias("lc.IRankingModelGrain")]
public interface IRankingModelGrain : IGrainWithStringKey
{
    /// <summary>The current model (dimension 0 before the first batch). Its update count grows with every batch taken.</summary>
    [Alias("GetAsync")]
    Task<LinUcbSnapshot> GetAsync();

    /// <summary>
    /// Folds a batch of observations into the model and stores it. A batch whose source already had it (or a later one)
    /// taken changes nothing and gets the current model. When the write fails the model is as stored and the call throws.
    /// </summary>
    /// <param name="delta">Σ x·xᵀ and Σ r·x of the batch.</param>
    /// <returns>The model after the update.</returns>
    [Alias("ApplyAsync")]
    Task<LinUcbSnapshot> ApplyAsync(RankingModelDelta delta);
}
