/**
 * What every web module shares: the servlet pieces each registers in its web.xml (request ids and
 * the problem error page), and the client's address behind trusted proxies.
 */
package app.dating.shared.web;
