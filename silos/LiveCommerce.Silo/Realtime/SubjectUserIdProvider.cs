using LiveCommerce.Silo.Identity;
using Microsoft.AspNetCore.SignalR;

namespace LiveCommerce.Silo.Realtime;

/// <summary>Names a hub connection's user by the token's <c>sub</c>, so the engine can send one viewer their cart.</summary>
public sealed class SubjectUserIdProvider : IUserIdProvider
{
    /// <inheritdoc />
    public string? GetUserId(HubConnectionContext connection) => connection.User.UserId();
}
