using LiveCommerce.Chat;

namespace LiveCommerce.Grains.Chat;

/// <summary>
/// The silo's chat classifier, trained once from the corpus embedded in LiveCommerce.Chat on first use
/// (about a second on two cores) and shared by every stream's chat.
/// </summary>
public sealed class ChatReader
{
    private readonly Lazy<ChatClassifier> _classifier = new(ChatClassifier.CreateDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The classifier.</summary>
    public ChatClassifier Classifier => _classifier.Value;
}
