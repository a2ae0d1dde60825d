/** Servlet pieces every web module registers in its web.xml: request ids and the problem error page. */
package app.dating.shared.web;
