/** Real-time channels over Jakarta WebSocket under /ws/v1/ (chat, presence, typing, receipts). */
package app.dating.realtime;
