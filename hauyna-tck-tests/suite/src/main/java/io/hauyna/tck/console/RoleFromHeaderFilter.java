package io.hauyna.tck.console;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;

/**
 * Stands in for a login, which each server configures its own way: a request with
 * {@code X-Tck-Role: <role>} is in that role for the filters after this one (declared in the test
 * WAR's {@code web.xml}, so it runs before the filters of Hauyna's {@code web-fragment.xml}).
 */
public class RoleFromHeaderFilter implements Filter {

    static final String HEADER = "X-Tck-Role";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || http.getHeader(HEADER) == null) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new InRole(http), response);
    }

    /** The request, in the role its header names as well. */
    static final class InRole extends HttpServletRequestWrapper {

        InRole(HttpServletRequest request) {
            super(request);
        }

        @Override
        public boolean isUserInRole(String role) {
            return role.equals(getHeader(HEADER)) || super.isUserInRole(role);
        }
    }
}
