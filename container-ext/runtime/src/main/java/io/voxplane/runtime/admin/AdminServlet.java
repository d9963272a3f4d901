package io.voxplane.runtime.admin;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The admin endpoint of a node, JSON over HTTP under {@value #PATH} of the application's context
 * root (docs/operations.md). A plain servlet rather than a JAX-RS resource: it is found in the
 * runtime jar in {@code WEB-INF/lib} without the application declaring a JAX-RS
 * {@code Application}.
 * <ul>
 * <li>{@code GET /voxplane/admin/tasks}: every task tracker, its counters, unfinished tasks and threads;</li>
 * <li>{@code GET /voxplane/admin/shutdown-report}: the {@code ShutdownReport}, or 404 with the
 * phase while none completed;</li>
 * <li>{@code POST /voxplane/admin/shutdown}: runs the phased shutdown and answers its report;
 * 403 unless {@value AdminReports#SHUTDOWN_ENABLED} is true.</li>
 * </ul>
 */
@WebServlet(name = "VoxplaneAdmin", urlPatterns = AdminServlet.PATH + "/*")
public class AdminServlet extends HttpServlet {

    /** Where the endpoint lives under the context root. */
    public static final String PATH = "/voxplane/admin";

    private static final long serialVersionUID = 1L;

    private static final System.Logger LOG = System.getLogger(AdminServlet.class.getName());

    @Inject
    transient AdminReports reports;

    private transient Jsonb jsonb;

    @Override
    public void init() {
        jsonb = JsonbBuilder.create();
    }

    @Override
    public void destroy() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // Jsonb.close() declares Exception; nothing is left to do for a closing servlet
            LOG.log(System.Logger.Level.DEBUG, "closing JSON-B failed", e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = String.valueOf(request.getPathInfo());
        switch (path) {
            case "/tasks" -> write(response, HttpServletResponse.SC_OK, reports.tasks());
            case "/shutdown-report" -> {
                var report = reports.shutdownReport();
                if (report.isPresent()) {
                    write(response, HttpServletResponse.SC_OK, report.get());
                } else {
                    write(response, HttpServletResponse.SC_NOT_FOUND, Map.of("phase", reports.phase().name(),
                            "message", "no shutdown has completed"));
                }
            }
            default -> write(response, HttpServletResponse.SC_NOT_FOUND, Map.of("message", "unknown admin resource "
                    + path + "; try " + PATH + "/tasks or " + PATH + "/shutdown-report"));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/shutdown".equals(request.getPathInfo())) {
            write(response, HttpServletResponse.SC_NOT_FOUND, Map.of("message", "unknown admin action "
                    + request.getPathInfo()));
            return;
        }
        if (!reports.shutdownEnabled()) {
            write(response, HttpServletResponse.SC_FORBIDDEN, Map.of("message", "set "
                    + AdminReports.SHUTDOWN_ENABLED + "=true to allow shutdown over HTTP"));
            return;
        }
        write(response, HttpServletResponse.SC_OK, reports.shutdown("admin"));
    }

    private void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(jsonb.toJson(body));
    }
}
