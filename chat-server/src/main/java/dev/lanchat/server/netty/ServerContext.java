package dev.lanchat.server.netty;

import dev.lanchat.server.room.ChatHub;
import dev.lanchat.server.room.Moderation;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.ssl.SslContext;
import java.util.concurrent.Executor;

/**
 * What every connection's handlers share: the hub and its chat thread, the limits, the logs, the access rules, and
 * the set of open channels. Built once by {@link NettyChatServer}; its parts are thread-safe.
 *
 * @param chat runs a task on the chat thread, behind those already queued
 * @param tls  the TLS context, or {@code null} for plain TCP
 */
record ServerContext(ChatHub hub, Executor chat, ConnectionLimits limits, OffenceLog offences, Admissions admissions,
                     PasswordGate passwords, ChannelGroup everyone, SslContext tls, ErrorHandler errors,
                     DeliveryBacklog backlog, Moderation moderation) {
}
