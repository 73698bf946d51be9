using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCommerce.Grains.Chat;

/// <summary>Registers what stream chats need besides their grain.</summary>
public static class ChatServiceCollectionExtensions
{
    /// <summary>Binds <see cref="ChatOptions"/> to the <c>Chat</c> section and adds the shared <see cref="ChatReader"/>.</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLiveChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ChatOptions>(configuration.GetSection(ChatOptions.Section));
        services.AddSingleton<ChatReader>();
        return services;
    }
}
