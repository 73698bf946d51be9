using System.Net;
using LiveCommerce.Client;
using LiveCommerce.Contracts.Chat;
using LiveCommerce.Contracts.Hub;
using LiveCommerce.Contracts.Streams;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace LiveCommerce.Tests.EndToEnd;

/// <summary>What the chat says, over real hub connections and HTTP; run embedded and in cluster mode.</summary>
public abstract class ChatScenarios
{
    /// <summary>The host under test.</summary>
    protected abstract EngineHost Host { get; }

    [Fact]
    public async Task Every_comment_carries_an_id_intent_and_product_and_the_creator_reads_them_newest_first()
    {
        var creatorId = "creator-" + Guid.NewGuid().ToString("N")[..8];
        var creator = Host.Api(creatorId, "creator", "seller");
        var kawung = await creator.CreateProductAsync(Catalog.Product("Dress Batik Kawung"));
        var parang = await creator.CreateProductAsync(Catalog.Product("Kemeja Batik Parang"));
        var stream = await creator.CreateStreamAsync(new CreateStreamRequest { Title = "Batik live", ProductIds = [kawung.Id, parang.Id] });
        await creator.StartStreamAsync(stream.Id);

        await using var author = await Host.ConnectViewerAsync("buyer-" + Guid.NewGuid().ToString("N")[..6]);
        await using var watcher = await Host.ConnectViewerAsync(protocol: HubProtocol.MessagePack);
        var comments = new Inbox<CommentPosted>();
        watcher.CommentPosted += comments.Add;
        await author.JoinStreamAsync(stream.Id);
        await watcher.JoinStreamAsync(stream.Id);

        await author.CommentAsync(stream.Id, "mau 2 yg kawung kak 😍");
        var purchase = await comments.WaitForAsync(c => c.StreamId == stream.Id && c.Text.StartsWith("mau", StringComparison.Ordinal));
        Assert.Equal(ChatIntentNames.Purchase, purchase.Intent);
        Assert.Equal(kawung.Id, purchase.ProductId);
        Assert.False(string.IsNullOrEmpty(purchase.Id));

        await author.CommentAsync(stream.Id, "brp kak yg parangg?");
        await comments.WaitForAsync(c => c.StreamId == stream.Id && c.Text.StartsWith("brp", StringComparison.Ordinal));
        await author.CommentAsync(stream.Id, "halo kak, salam dari medan");
        await comments.WaitForAsync(c => c.StreamId == stream.Id && c.Text.StartsWith("halo", StringComparison.Ordinal));

        var all = await creator.GetChatAsync(stream.Id);
        Assert.Equal(["halo kak, salam dari medan", "brp kak yg parangg?", "mau 2 yg kawung kak 😍"], all.Select(c => c.Text));
        Assert.Equal(2, all[2].Quantity);
        var questions = await creator.GetChatAsync(stream.Id, ChatIntentNames.Question);
        var question = Assert.Single(questions);
        Assert.Equal(parang.Id, question.ProductId);

        var stranger = Host.Api("stranger-" + Guid.NewGuid().ToString("N")[..6], "creator");
        var forbidden = await Assert.ThrowsAsync<LiveApiException>(() => stranger.GetChatAsync(stream.Id));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        var bad = await Assert.ThrowsAsync<LiveApiException>(() => creator.GetChatAsync(stream.Id, "shouting"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        var missing = await Assert.ThrowsAsync<LiveApiException>(() => creator.GetChatAsync("no-such-stream"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task The_chat_rules_refuse_links_phones_blocked_words_and_fast_comments_with_a_hub_error_and_the_viewer_stays_connected()
    {
        var (stream, _, creator) = await Catalog.LiveStreamAsync(Host);
        // Two viewers, so that the hub's own per-viewer rate limit (a burst of 3) never answers for the rules.
        await using var seller = await Host.ConnectViewerAsync("spammer-" + Guid.NewGuid().ToString("N")[..6]);
        await using var viewer = await Host.ConnectViewerAsync("viewer-" + Guid.NewGuid().ToString("N")[..6]);
        var comments = new Inbox<CommentPosted>();
        viewer.CommentPosted += comments.Add;
        await seller.JoinStreamAsync(stream.Id);
        await viewer.JoinStreamAsync(stream.Id);

        // Links and phone numbers are refused by default, before any setting is made.
        var phone = await Assert.ThrowsAsync<HubException>(() => seller.CommentAsync(stream.Id, "wa aku 0812 3456 7890 kak"));
        Assert.Contains("phone", phone.Message, StringComparison.OrdinalIgnoreCase);
        await Assert.ThrowsAsync<HubException>(() => seller.CommentAsync(stream.Id, "lebih murah di tokoku.com"));
        await seller.PingAsync();

        var settings = await creator.SetChatSettingsAsync(stream.Id, new ChatSettings { SlowModeSeconds = 30, BlockedWords = ["penipu", " bodoh "] });
        Assert.Equal(["penipu", "bodoh"], settings.BlockedWords);
        Assert.True(settings.BlockLinksAndPhones);
        var blocked = await Assert.ThrowsAsync<HubException>(() => viewer.CommentAsync(stream.Id, "dasar p3n1puuu"));
        Assert.Contains("does not allow", blocked.Message, StringComparison.Ordinal);

        await viewer.CommentAsync(stream.Id, "mau 1 kak");
        await comments.WaitForAsync(c => c.Text == "mau 1 kak");
        var slow = await Assert.ThrowsAsync<HubException>(() => viewer.CommentAsync(stream.Id, "mau 2 kak"));
        Assert.Contains("Slow mode", slow.Message, StringComparison.Ordinal);

        // Nothing refused was recorded, and the connection is still open.
        var chat = await creator.GetChatAsync(stream.Id);
        Assert.Equal(["mau 1 kak"], chat.Select(c => c.Text));
        await viewer.PingAsync();

        var bad = await Assert.ThrowsAsync<LiveApiException>(() => creator.SetChatSettingsAsync(stream.Id, new ChatSettings { SlowModeSeconds = -1 }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        var other = Host.Api("other-" + Guid.NewGuid().ToString("N")[..6], "creator");
        var forbidden = await Assert.ThrowsAsync<LiveApiException>(() => other.SetChatSettingsAsync(stream.Id, new ChatSettings()));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
    }
}
