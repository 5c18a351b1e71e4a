package io.hauyna.tck.ops;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.management.JMException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * What an operator's pre-stop hook does: calls the {@code drainAndClose} operation of this
 * application's MXBean (the test WAR's name is its context path). Answers when it has finished.
 */
@WebServlet("/drain")
public class DrainServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        String application = request.getContextPath().substring(1);
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("io.hauyna:type=Hauyna,app=\"" + application + "\""),
                    "drainAndClose", null, null);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (JMException e) {
            throw new IllegalStateException("Could not drain " + application, e);
        }
    }
}
