# Sourced by the scripts that start the app and nginx (Debian's) on loopback (deploy.sh,
# two_servers.sh), after setting `dir`: the processes they start go in `pids`, and `cleanup`
# (trap it on EXIT) stops them and nginx.
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$dir/nginx/nginx.pid" ] && kill "$(cat "$dir/nginx/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}

# Writes DIR/nginx.conf, a main configuration that runs as this user with every path under DIR
# and includes DIR/site.conf. Usage: nginx_conf DIR; then nginx -c DIR/nginx.conf -p DIR.
nginx_conf() {
  local dir="$1"
  cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 256; }
http {
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    include /etc/nginx/mime.types;
    include $dir/site.conf;
}
CONF
}
