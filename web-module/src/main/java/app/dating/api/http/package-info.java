/** HTTP concerns of the API that are not business: body limits, the client's address behind Apache. */
package app.dating.api.http;
