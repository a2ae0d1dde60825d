/**
 * Chat between the two people of an active match: messages stored (encrypted at rest) with a
 * gap-free sequence number per conversation before they are acknowledged, resends recognised by the
 * client's message id, delivered in order over WebSocket (websocket-module) and REST, with
 * receipts, typing and presence. Messages carry text, end-to-end ciphertext or a chat photo
 * (media); one for a recipient with no socket open publishes {@code MESSAGE_FOR_OFFLINE} (without
 * content). The frames of the socket protocol (dating.v1, {@code /asyncapi.yaml}) are built here,
 * in {@code ChatFrames}, for the socket module and the REST API alike.
 */
package app.dating.chat;
