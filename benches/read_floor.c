/* The floor under `abridge tables DIR`: open, read to the end and close every file of DIR,
 * in name order, relative to the directory, 64 KiB at a time, and nothing else. Prints the
 * bytes read. Build: cc -O2 -o /tmp/read_floor benches/read_floor.c */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: read_floor DIR\n");
        return 2;
    }
    DIR *dir = opendir(argv[1]);
    if (!dir) {
        perror(argv[1]);
        return 1;
    }
    size_t n = 0, cap = 1024;
    char **names = malloc(cap * sizeof *names);
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.') continue;
        if (n == cap) names = realloc(names, (cap *= 2) * sizeof *names);
        names[n++] = strdup(entry->d_name);
    }
    qsort(names, n, sizeof *names, by_name);
    static char buffer[1 << 16];
    long total = 0;
    for (size_t i = 0; i < n; i++) {
        int fd = openat(dirfd(dir), names[i], O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        ssize_t got;
        while ((got = read(fd, buffer, sizeof buffer)) > 0) total += got;
        close(fd);
    }
    printf("%ld\n", total);
    return 0;
}
