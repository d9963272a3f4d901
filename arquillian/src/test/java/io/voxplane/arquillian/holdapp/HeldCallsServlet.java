package io.voxplane.arquillian.holdapp;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * {@code GET /held?calls=N&waitMillis=M}: waits up to M ms until N calls are held and answers
 * the count as text; 200 when N was reached, 504 otherwise. Lets the test start the shutdown only
 * once every SIPp call is confirmed, without polling.
 */
@WebServlet("/held")
public class HeldCallsServlet extends HttpServlet {

    private static final long MAX_WAIT_MILLIS = 120_000;

    @Inject
    HeldCalls held;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int calls = Integer.parseInt(request.getParameter("calls"));
        long waitMillis = Math.min(MAX_WAIT_MILLIS, Long.parseLong(request.getParameter("waitMillis")));
        int count;
        try {
            count = held.awaitAtLeast(calls, Duration.ofMillis(waitMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "interrupted");
            return;
        }
        response.setStatus(count >= calls ? HttpServletResponse.SC_OK : HttpServletResponse.SC_GATEWAY_TIMEOUT);
        response.setContentType("text/plain");
        response.getWriter().print(count);
    }
}
