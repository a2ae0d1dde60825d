/** Notifications to people: email now; push and scheduling come with the notifications work. */
package app.dating.notifications;
