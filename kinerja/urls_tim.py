app_name = "tim"

urlpatterns: list = []
