/** Fan-out of events across the platform's instances (chat, presence), through Redis pub/sub. */
package app.dating.pubsub;
